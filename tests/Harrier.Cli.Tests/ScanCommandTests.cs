using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Harrier.TestTargets;

namespace Harrier.Cli.Tests;

/// <summary>
/// <c>harrier scan</c> as a real process: an in-process server on a temporary directory, a scan of the loopback test
/// target, reports written, the exit code by <c>--fail-on</c>, and the temporary directory gone afterwards.
/// </summary>
public sealed class ScanCommandTests : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "harrier-cli-scan-" + Guid.NewGuid().ToString("N"));
    private TestTargetServer _target = null!;

    /// <summary>The process's own temp directory, so the test sees what <c>scan</c> left there.</summary>
    private string TempDir => Path.Combine(_work, "tmp");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(TempDir);
        _target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 50 }, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _target.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Scan_XssArea_FailOnHigh_Exits1_AndWritesSarifJUnitAndJson()
    {
        // Arrange: the /vuln/ index, following only its XSS links
        var (sarif, junit, json) = (Path.Combine(_work, "out.sarif"), Path.Combine(_work, "junit.xml"), Path.Combine(_work, "vulns.json"));

        // Act
        var result = await RunAsync(
            "scan", _target.GetUrl("/vuln/").AbsoluteUri, "--exclude", "/vuln/(?!xss/|$)",
            "--format", "sarif", "--output", sarif, "--format", "junit", "--output", junit, "--format", "json", "--output", json,
            "--fail-on", "high");

        // Assert: exit 1, the summary on stdout, the three reports parseable and naming the XSS
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAIL:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("/vuln/xss/html", result.Stdout, StringComparison.Ordinal);

        var log = JsonNode.Parse(await File.ReadAllTextAsync(sarif, TestContext.Current.CancellationToken))!;
        Assert.Equal("2.1.0", (string?)log["version"]);
        var results = log["runs"]![0]!["results"]!.AsArray();
        Assert.Contains(results, r => ((string?)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"])!.Contains("/vuln/xss/", StringComparison.Ordinal));
        Assert.Contains(results, r => (string?)r!["level"] == "error");

        var suites = XDocument.Load(junit).Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        Assert.True(suites.Descendants("failure").Any(), suites.ToString());

        using var vulnerabilities = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        Assert.Equal(JsonValueKind.Object, vulnerabilities.RootElement.ValueKind);
        Assert.Contains("/vuln/xss/", vulnerabilities.RootElement.GetRawText(), StringComparison.Ordinal);
        AssertCleanedUp(result);
    }

    [Fact]
    public async Task Scan_SafePageFromConfigFile_FailOnCritical_Exits0_WithASummaryOnStdout()
    {
        // Arrange: the target and scope come from a NewScanTaskApiModel file
        var config = Path.Combine(_work, "scan.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            TargetUri = _target.GetUrl("/safe/xss/html?q=1").AbsoluteUri,
            Scope = "OnlyEnteredUrl",
        }), TestContext.Current.CancellationToken);

        // Act
        var result = await RunAsync("scan", "--config", config, "--fail-on", "critical");

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("State     Complete", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Critical", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("PASS:", result.Stdout, StringComparison.Ordinal);
        AssertCleanedUp(result);
    }

    [Fact]
    public async Task Scan_UnreachableTarget_Exits3_WithTheReason()
    {
        var report = Path.Combine(_work, "never.sarif");

        var result = await RunAsync("scan", "http://127.0.0.1:9/", "--format", "sarif", "--output", report, "--fail-on", "low");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("harrier: Scan", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("failed", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
        AssertCleanedUp(result);
    }

    private Task<CliResult> RunAsync(params string[] args) =>
        CliProcess.RunAsync(args, new Dictionary<string, string> { ["TMPDIR"] = TempDir });

    private void AssertCleanedUp(CliResult result)
    {
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(TempDir), e => Path.GetFileName(e).StartsWith("harrier-scan-", StringComparison.Ordinal));
    }
}
