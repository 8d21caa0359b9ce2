using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harrier.Cli.Tests;

/// <summary>The client commands (<c>harrier scans …</c>) as real processes against a running server.</summary>
public sealed class ScansCommandTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("harrier-cli-scans-").FullName;

    [Fact]
    public async Task NewWaitNewFromScanWait_GatesAPipeline_AndStatusListReportWork()
    {
        // Arrange: one reflected XSS page
        var url = server.Target.GetUrl("/vuln/xss/html?q=harrier").AbsoluteUri;
        var sarif = Path.Combine(_work, "relaunch.sarif");

        // Act: launch, wait with --fail-on high
        var launched = await RunAsync("scans", "new", url, "--scope", "OnlyEnteredUrl");
        var id = ScanId(launched);
        var waited = await RunAsync("scans", "wait", id, "--fail-on", "high", "--poll-interval", "0.2");

        // Act: relaunch the same configuration (ID=$(harrier scans newfromscan $OLD)), wait with a higher threshold
        var relaunched = await RunAsync("scans", "newfromscan", id);
        var newId = ScanId(relaunched);
        var waitedAgain = await RunAsync("scans", "wait", newId, "--fail-on", "critical", "--poll-interval", "0.2", "--format", "sarif", "--output", sarif);
        var status = await RunAsync("scans", "status", newId);
        var statusJson = await RunAsync("scans", "status", newId, "--json");
        var list = await RunAsync("scans", "list", "--page-size", "200");
        var report = await RunAsync("scans", "report", id, "--type", "Vulnerabilities", "--format", "Json");

        // Assert: the first wait fails the build (an XSS is High), the relaunch is a new scan that passes "critical"
        Assert.True(waited.ExitCode == 1, waited.ToString());
        Assert.Contains("FAIL:", waited.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(id, newId);
        Assert.True(waitedAgain.ExitCode == 0, waitedAgain.ToString());
        Assert.Equal("2.1.0", (string?)JsonNode.Parse(await File.ReadAllTextAsync(sarif, TestContext.Current.CancellationToken))!["version"]);

        // Assert: status, list and report
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("Complete", status.Stdout, StringComparison.Ordinal);
        Assert.Equal("Complete", (string?)JsonNode.Parse(statusJson.Stdout)!["State"]);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(id, list.Stdout, StringComparison.Ordinal);
        Assert.Contains(newId, list.Stdout, StringComparison.Ordinal);
        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Contains("/vuln/xss/html", JsonDocument.Parse(report.Stdout).RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ARunningScan_PrintsOk_AndWaitExits3()
    {
        // Arrange: a slow target keeps the scan running
        var id = ScanId(await RunAsync("scans", "new", server.SlowTarget.BaseUrl.AbsoluteUri));

        // Act
        var cancel = await RunAsync("scans", "cancel", id);
        var wait = await RunAsync("scans", "wait", id, "--fail-on", "high", "--poll-interval", "0.2");
        var again = await RunAsync("scans", "cancel", id);

        // Assert
        Assert.True(cancel.ExitCode == 0, cancel.ToString());
        Assert.Equal("Ok", cancel.Stdout.Trim());
        Assert.True(wait.ExitCode == 3, wait.ToString());
        Assert.Contains("cancelled", wait.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("ScanCancelled", again.Stdout.Trim());
    }

    [Fact]
    public async Task ServerErrors_PrintTheServerMessage_Exit2ForClientErrors_Exit3WhenUnreachable()
    {
        // Act
        var unauthorized = await CliProcess.RunAsync(
            ["scans", "list", "--server", server.BaseAddress.AbsoluteUri, "--user-id", ServerFixture.UserId, "--token", "wrong-token"]);
        var unknown = await RunAsync("scans", "status", Guid.NewGuid().ToString());
        var unknownRelaunch = await RunAsync("scans", "newfromscan", Guid.NewGuid().ToString());
        var badPolicy = await RunAsync("scans", "new", server.Target.BaseUrl.AbsoluteUri, "--policy", "No Such Policy");
        var unreachable = await CliProcess.RunAsync(["scans", "list", "--server", "http://127.0.0.1:9/", "--token", "t"]);

        // Assert
        Assert.True(unauthorized.ExitCode == 2, unauthorized.ToString());
        Assert.Contains("harrier: Authorization has been denied", unauthorized.Stderr, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.StartsWith("harrier: ", unknown.Stderr, StringComparison.Ordinal);
        Assert.True(unknownRelaunch.ExitCode == 2, unknownRelaunch.ToString());
        Assert.Empty(unknownRelaunch.Stdout);
        Assert.True(badPolicy.ExitCode == 2, badPolicy.ToString());
        Assert.Contains("No Such Policy", badPolicy.Stderr, StringComparison.Ordinal);
        Assert.True(unreachable.ExitCode == 3, unreachable.ToString());
        Assert.Contains("cannot reach the server", unreachable.Stderr, StringComparison.Ordinal);
        foreach (var result in new[] { unauthorized, unknown, unknownRelaunch, badPolicy, unreachable })
        {
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private Task<CliResult> RunAsync(params string[] args) => CliProcess.RunAsync(args, server.Environment);

    /// <summary>The id a launch printed: alone on stdout, so <c>ID=$(harrier scans new …)</c> works.</summary>
    private static string ScanId(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var id = result.Stdout.TrimEnd('\n', '\r');
        Assert.True(Guid.TryParseExact(id, "D", out _), result.ToString());
        return id;
    }
}
