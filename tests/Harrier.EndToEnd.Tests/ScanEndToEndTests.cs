using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Harrier.Api.Tests;
using Harrier.TestTargets;

namespace Harrier.EndToEnd.Tests;

/// <summary>
/// <c>scans/new</c> against the vulnerable test target → an agent → <c>Complete</c>, over real loopback HTTP;
/// then <c>newfromscan</c> of it behaves exactly the same.
/// </summary>
public sealed class ScanEndToEndTests(ScanningFixture fixture) : IClassFixture<ScanningFixture>
{
    /// <summary>Holes the three reference checks must find: reflected XSS, error-based SQL injection, missing headers.</summary>
    private static readonly string[] s_referenceIds =
    [
        "xss-html", "xss-attribute-quoted", "xss-attribute-unquoted", "xss-script", "xss-href", "xss-comment", "xss-post",
        "sqli-error-mysql", "sqli-error-postgres", "sqli-error-sqlite", "sqli-error-mssql", "sqli-error-oracle", "sqli-error-form",
        "sqli-error-cookie", "ssrf", "rfi",
    ];

    [Fact]
    public async Task Scan_FindsTheReferenceVulnerabilities_NothingOnSafeTwins_AndARelaunchDoesTheSame()
    {
        // Arrange
        var requests = new ConcurrentBag<(int Scan, string Method, string PathAndQuery)>();
        var currentScan = 1;
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions
        {
            GeneratedPages = 50,
            OnRequest = (method, pathAndQuery) => requests.Add((Volatile.Read(ref currentScan), method, pathAndQuery)),
        }, TestContext.Current.CancellationToken);
        var client = fixture.Client();

        // Act
        var first = await client.LaunchAsync(target.BaseUrl.AbsoluteUri);
        var firstDone = await client.WaitForStateAsync(first.Id(), "Complete", "Failed");
        Volatile.Write(ref currentScan, 2);
        var second = await client.RelaunchAsync(first.Id());
        var secondDone = await client.WaitForStateAsync(second.Id(), "Complete", "Failed");
        var firstFindings = await client.ResultAsync(first.Id());
        var secondFindings = await client.ResultAsync(second.Id());

        // Assert: complete, with progress and agent recorded
        Assert.True((string?)firstDone["State"] == "Complete", firstDone.ToJsonString());
        Assert.Equal("Complete", (string?)firstDone["Phase"]);
        Assert.True((int)firstDone["CompletedSteps"]! > 100);
        Assert.Equal(100, (int)firstDone["Percentage"]!);
        Assert.NotNull((string?)firstDone["AgentName"]);
        Assert.True((int)firstDone["VulnerabilityHighCount"]! + (int)firstDone["VulnerabilityCriticalCount"]! >= s_referenceIds.Length, firstDone.ToJsonString());
        Assert.NotEqual("Unknown", (string?)firstDone["ThreatLevel"]);

        // Assert: every reference hole at its URL and parameter, the missing headers, nothing on a safe twin
        var found = firstFindings.Select(f => ((string)f["Type"]!, new Uri((string)f["Url"]!).AbsolutePath)).ToHashSet();
        foreach (var id in s_referenceIds)
        {
            var hole = KnownVulnerabilities.Get(id);
            Assert.Contains((hole.Type, hole.Path), found);
        }

        Assert.Contains(firstFindings, f => (string?)f["Type"] == "MissingXFrameOptionsHeader");
        Assert.Contains(firstFindings, f => (string?)f["Type"] == "CspNotImplemented");
        Assert.DoesNotContain(firstFindings, f => new Uri((string)f["Url"]!).AbsolutePath.StartsWith("/safe/", StringComparison.Ordinal));
        await AssertParametersAsync(first.Id());

        // Assert: the relaunch sent the same requests (method, path, parameter names) and found the same things
        Assert.Equal("Complete", (string?)secondDone["State"]);
        var (firstShapes, secondShapes) = (Shapes(requests, 1), Shapes(requests, 2));
        Assert.True(firstShapes.SetEquals(secondShapes),
            "only first: " + string.Join(", ", firstShapes.Except(secondShapes)) + " | only second: " + string.Join(", ", secondShapes.Except(firstShapes)));
        var (firstKeys, secondKeys) = (Keys(firstFindings), Keys(secondFindings));
        Assert.True(firstKeys.SetEquals(secondKeys),
            "only first: " + string.Join(", ", firstKeys.Except(secondKeys)) + " | only second: " + string.Join(", ", secondKeys.Except(firstKeys)));
    }

    [Fact]
    public async Task Scan_OfAnUnreachableTarget_FailsWithAReason()
    {
        var client = fixture.Client();
        var scan = await client.LaunchAsync("http://127.0.0.1:9/unreachable/");

        var done = await client.WaitForStateAsync(scan.Id(), "Complete", "Failed");

        Assert.Equal("Failed", (string?)done["State"]);
        Assert.Equal("ScanTargetNotReachable", (string?)done["FailureReason"]);
        Assert.False(string.IsNullOrEmpty((string?)done["FailureReasonDescription"]));
        Assert.True((bool)done["IsCompleted"]!);
    }

    private async Task AssertParametersAsync(string scanId)
    {
        var stored = new List<(string Path, string? Parameter)>();
        await fixture.WithDbAsync(async db =>
        {
            var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Vulnerabilities.Where(v => v.ScanId == Guid.Parse(scanId)), TestContext.Current.CancellationToken);
            stored.AddRange(rows.Select(v => (new Uri(v.Url).AbsolutePath, v.Parameter)));
        });
        foreach (var id in s_referenceIds)
        {
            var hole = KnownVulnerabilities.Get(id);
            Assert.Contains((hole.Path, hole.Parameter), stored);
        }
    }

    /// <summary>
    /// Method, path and parameter names of each request. Path segments that carry values (digits, payloads) are
    /// parameters of URL-rewritten paths, so they count by name only: which <c>/item/{n}</c> the crawler samples,
    /// and the random markers in attack payloads, are values.
    /// </summary>
    private static SortedSet<string> Shapes(IEnumerable<(int Scan, string Method, string PathAndQuery)> requests, int scan) =>
        new(requests.Where(r => r.Scan == scan).Select(r =>
        {
            var query = r.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
            var path = string.Join('/', (query < 0 ? r.PathAndQuery : r.PathAndQuery[..query]).Split('/')
                .Select(segment => IsName(segment) ? segment : "{value}"));
            var names = query < 0 ? "" : string.Join('&', r.PathAndQuery[(query + 1)..].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
            return $"{r.Method} {path}?{names}";
        }), StringComparer.Ordinal);

    /// <summary>A path segment that names something; digits, punctuation or a scanner marker (<c>hrr…</c>) make it a value.</summary>
    private static bool IsName(string segment) =>
        !segment.StartsWith("hrr", StringComparison.Ordinal) && segment.All(c => char.IsAsciiLetter(c) || c is '-' or '_' or '.' or '~');

    private static SortedSet<string> Keys(IEnumerable<JsonNode> findings) =>
        new(findings.Select(f => $"{(string?)f["Type"]} {(string?)f["Url"]}"), StringComparer.Ordinal);
}
