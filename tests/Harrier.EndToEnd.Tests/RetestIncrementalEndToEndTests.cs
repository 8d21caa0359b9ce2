using System.Collections.Concurrent;
using System.Net;
using Harrier.Api.Tests;
using Harrier.Core.Issues;
using Harrier.Storage.Entities;
using Harrier.TestTargets;
using Microsoft.EntityFrameworkCore;

namespace Harrier.EndToEnd.Tests;

/// <summary>
/// The story of issue 8 on the test target, over real loopback HTTP with a server and agents: a full scan; one hole
/// fixed; a retest sends only the base findings' requests and keeps every finding but the fixed one; a page added; an
/// incremental scan attacks only what changed and reads like a full result; the hole reopened; a full scan finds it again.
/// </summary>
public sealed class RetestIncrementalEndToEndTests(ScanningFixture fixture) : IClassFixture<ScanningFixture>
{
    private const string FixedHole = "xss-html";
    private const string NewPage = "release-notes";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullScan_Retest_Incremental_AndFullScanAgain_FollowTheSiteAsItChanges()
    {
        // Arrange: a full scan of /vuln/
        var log = new ConcurrentQueue<(int Scan, string Method, string PathAndQuery)>();
        var current = 0;
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions
        {
            GeneratedPages = 5,
            OnRequest = (method, pathAndQuery) => log.Enqueue((Volatile.Read(ref current), method, pathAndQuery)),
        }, Ct);
        using var admin = new HttpClient { BaseAddress = target.BaseUrl };
        var client = fixture.Client();
        Volatile.Write(ref current, 1);
        var full = await client.LaunchAsync(target.GetUrl("/vuln/").AbsoluteUri);
        await AssertCompleteAsync(client, full.Id());
        var baseFindings = await FindingsAsync(full.Id());
        var hole = KnownVulnerabilities.Get(FixedHole);
        Assert.Contains(baseFindings.Values, v => v.Type == hole.Type && new Uri(v.Url).AbsolutePath == hole.Path);

        // Act 1: fix the hole, retest
        await PostAsync(admin, $"/__admin/holes/{FixedHole}/fixed", HttpStatusCode.NoContent);
        Volatile.Write(ref current, 2);
        var retest = await Launch(client, "/api/1.0/scans/retest", full.Id());
        var retestDone = await AssertCompleteAsync(client, retest);
        var retestFindings = await FindingsAsync(retest);

        // Assert 1: every base finding but those on the fixed page reproduced, with the same fingerprint; nothing new
        var expected = baseFindings.Where(f => new Uri(f.Value.Url).AbsolutePath != hole.Path).Select(f => f.Key).ToHashSet();
        AssertSameSet(expected, retestFindings.Keys, baseFindings.Concat(retestFindings).DistinctBy(f => f.Key).ToDictionary());
        Assert.Equal("Retest", (string?)retestDone["ScanType"]);
        var fixedFingerprints = baseFindings.Keys.Except(expected).ToHashSet(StringComparer.Ordinal);
        var issuesAfterRetest = await IssueStatesAsync(full.Id());
        Assert.All(fixedFingerprints, f => Assert.Equal(IssueState.FixedConfirmed, issuesAfterRetest[f]));
        Assert.All(expected, f => Assert.Equal(IssueState.Present, issuesAfterRetest[f]));
        Assert.Equal(baseFindings.Count, (int)retestDone["CompletedSteps"]!); // one step per base finding

        // Assert 1: the retest requested only the target page and the base findings' pages, a bounded number of times
        var findingPaths = baseFindings.Values.SelectMany(v => new[] { new Uri(v.Url).AbsolutePath, RawRequestPath(v) }).OfType<string>()
            .Append("/vuln/").ToHashSet(StringComparer.Ordinal);
        var retestRequests = log.Where(r => r.Scan == 2).ToList();
        var fullRequests = log.Count(r => r.Scan == 1);
        var pathHoleFolders = baseFindings.Values.Where(v => v.ParameterLocation == "Path").Select(v => FolderOf(new Uri(v.Url).AbsolutePath)).ToList();
        // Probed files (.git, backups, archives) are probed again around their folder, as the scan found them.
        var probeFolders = baseFindings.Values.Where(v => v.CheckId is "sensitive-files" or "backup-files" or "http-methods")
            .SelectMany(v => new[] { FolderOf(new Uri(v.Url).AbsolutePath), new Uri(v.Url).AbsolutePath.Split('.')[0] + "/" })
            .ToHashSet(StringComparer.Ordinal);
        var crawledPaths = (await CrawledAsync(full.Id())).Select(r => new Uri(r.Url).AbsolutePath).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(retestRequests, r => !findingPaths.Contains(PathOf(r.PathAndQuery))
            && !pathHoleFolders.Any(folder => r.PathAndQuery.StartsWith(folder, StringComparison.Ordinal))
            && (crawledPaths.Contains(PathOf(r.PathAndQuery)) ? !probeFolders.Contains(FolderOf(PathOf(r.PathAndQuery))) : !probeFolders.Any(f => PathOf(r.PathAndQuery).StartsWith(f, StringComparison.Ordinal) || f.StartsWith(FolderOf(PathOf(r.PathAndQuery)), StringComparison.Ordinal))));
        Assert.InRange(retestRequests.Count, baseFindings.Count, 1 + (baseFindings.Count * 24));
        Assert.True(retestRequests.Count * 3 < fullRequests, $"retest sent {retestRequests.Count} requests, the full scan {fullRequests}");

        // Act 2: add a page, incremental scan (the hole is still fixed, but its page looks the same for benign input)
        await PostAsync(admin, "/__admin/pages?name=" + NewPage, HttpStatusCode.Created);
        Volatile.Write(ref current, 3);
        var incremental = await Launch(client, "/api/1.0/scans/incremental", full.Id());
        var incrementalDone = await AssertCompleteAsync(client, incremental);
        var incrementalFindings = await FindingsAsync(incremental);

        // Assert 2: the result is the base scan's plus the new page's hole
        var newPageFindings = incrementalFindings.Where(f => new Uri(f.Value.Url).AbsolutePath == "/vuln/added/" + NewPage).ToList();
        var added = Assert.Single(newPageFindings);
        Assert.Equal(("Xss", "q"), (added.Value.Type, added.Value.Parameter));
        // The hole the retest found fixed is not carried over (its page did not change, so it is not looked at again).
        AssertSameSet([.. expected, added.Key], incrementalFindings.Keys, baseFindings.Concat(incrementalFindings).DistinctBy(f => f.Key).ToDictionary());
        var issuesAfterIncremental = await IssueStatesAsync(full.Id());
        Assert.All(fixedFingerprints, f => Assert.Equal(IssueState.FixedConfirmed, issuesAfterIncremental[f]));
        Assert.Equal(IssueState.Present, issuesAfterIncremental[added.Key]);
        Assert.Equal("Incremental", (string?)incrementalDone["ScanType"]);

        // Assert 2: unchanged resources were only crawled (each crawled request once, no other request), the new page attacked
        var (baseResources, newResources) = (await CrawledAsync(full.Id()), await CrawledAsync(incremental));
        var baseHashes = baseResources.Select(r => (r.Method, r.Url, r.ResponseHash)).ToHashSet();
        var unchanged = newResources.Where(r => baseHashes.Contains((r.Method, r.Url, r.ResponseHash))).ToList();
        // By method and path: an unchanged POST form must not make its changed GET page (the guestbook) count as unchanged.
        var unchangedResources = unchanged.Select(r => (r.Method, PathOf(new Uri(r.Url).PathAndQuery))).ToHashSet();
        var changed = newResources.Except(unchanged).Select(r => r.Method + " " + new Uri(r.Url).PathAndQuery).Order(StringComparer.Ordinal).ToList();
        // Changed: the index (it links the new page), the new page, and the guestbook (it shows what earlier scans posted).
        Assert.Subset(new SortedSet<string>(["GET /vuln/", $"GET /vuln/added/{NewPage}?q=harrier", "GET /vuln/xss/guestbook"]), new SortedSet<string>(changed));
        Assert.NotEmpty(unchanged);
        Assert.DoesNotContain(unchanged, r => r.Attacked);
        var crawledOnce = newResources.GroupBy(r => (r.Method, new Uri(r.Url).PathAndQuery)).ToDictionary(g => g.Key, g => g.Count());
        var toUnchanged = log.Where(r => r.Scan == 3 && unchangedResources.Contains((r.Method, PathOf(r.PathAndQuery))))
            .GroupBy(r => (r.Method, r.PathAndQuery)).ToList();
        // Only the crawl's own requests (and one plain re-fetch of a GET page when stored XSS looks for what it planted).
        Assert.All(toUnchanged, g => Assert.True(crawledOnce.TryGetValue(g.Key, out var n) && g.Count() <= n + (g.Key.Method == "GET" ? 1 : 0),
            $"{g.Key} was sent {g.Count()} times to an unchanged resource (changed: {string.Join(", ", changed)})"));
        Assert.Contains(newResources, r => r.Attacked && new Uri(r.Url).AbsolutePath == "/vuln/added/" + NewPage);
        Assert.True(log.Count(r => r.Scan == 3 && PathOf(r.PathAndQuery) == "/vuln/added/" + NewPage) > 1);
        Assert.True(log.Count(r => r.Scan == 3) < fullRequests, $"incremental {log.Count(r => r.Scan == 3)} requests, full {fullRequests}");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"base findings {baseFindings.Count}; requests: full {fullRequests}, retest {retestRequests.Count}, incremental {log.Count(r => r.Scan == 3)}; " +
            $"crawled {newResources.Count}, unchanged {unchanged.Count}, changed: {string.Join(", ", changed)}");

        // Act 3: open the hole again, full scan
        await PostAsync(admin, $"/__admin/holes/{FixedHole}/vulnerable", HttpStatusCode.NoContent);
        Volatile.Write(ref current, 4);
        var again = await client.RelaunchAsync(full.Id());
        await AssertCompleteAsync(client, again.Id());
        var againFindings = await FindingsAsync(again.Id());

        // Assert 3: found again, with the fingerprint it had in the base scan, and its issue revived
        Assert.Contains(baseFindings.Keys.Except(expected), againFindings.Keys.Contains);
        var issuesAtEnd = await IssueStatesAsync(full.Id());
        Assert.All(fixedFingerprints, f => Assert.Equal(IssueState.Revived, issuesAtEnd[f]));
        Assert.Equal(IssueState.Present, issuesAtEnd[added.Key]);
    }

    /// <summary>The issue state of every fingerprint on the scanned website.</summary>
    private async Task<Dictionary<string, IssueState>> IssueStatesAsync(string scanId)
    {
        var states = new Dictionary<string, IssueState>(StringComparer.Ordinal);
        await fixture.WithDbAsync(async db =>
        {
            var websiteId = await db.Scans.Where(x => x.Id == Guid.Parse(scanId)).Select(x => x.WebsiteId).SingleAsync(Ct);
            foreach (var issue in await db.Issues.AsNoTracking().Where(i => i.WebsiteId == websiteId).ToListAsync(Ct))
            {
                states[issue.Fingerprint] = issue.State;
            }
        });
        return states;
    }

    [Fact]
    public async Task Retest_OfAScanWithoutFindings_SendsNothing_AndCompletes()
    {
        // Arrange: a scan of one safe page finds nothing
        var log = new ConcurrentQueue<(int Scan, string PathAndQuery)>();
        var current = 1;
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions
        {
            GeneratedPages = 1,
            OnRequest = (_, pathAndQuery) => log.Enqueue((Volatile.Read(ref current), pathAndQuery)),
        }, Ct);
        var client = fixture.Client();
        var clean = await client.LaunchAsync(target.GetUrl("/safe/xss/html?q=harrier").AbsoluteUri, new { Scope = "OnlyEnteredUrl" });
        await AssertCompleteAsync(client, clean.Id());
        Assert.Empty(await FindingsAsync(clean.Id()));

        // Act
        Volatile.Write(ref current, 2);
        var retest = await Launch(client, "/api/1.0/scans/retest", clean.Id());
        var done = await AssertCompleteAsync(client, retest);

        // Assert
        Assert.Contains(log, r => r.Scan == 1);
        Assert.DoesNotContain(log, r => r.Scan == 2);
        Assert.Empty(await FindingsAsync(retest));
        Assert.Equal(100, (int)done["Percentage"]!);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> AssertCompleteAsync(HttpClient client, string scanId)
    {
        var done = await client.WaitForStateAsync(scanId, "Complete", "Failed", "Cancelled");
        Assert.True((string?)done["State"] == "Complete", done.ToJsonString());
        return done;
    }

    private static async Task<string> Launch(HttpClient client, string path, string baseScanId)
    {
        var (status, created) = await client.PostJsonAsync(path, new { BaseScanId = baseScanId });
        Assert.True(status == HttpStatusCode.Created, $"{path} answered {status}: {created?.ToJsonString()}");
        return created.Id();
    }

    private static async Task PostAsync(HttpClient admin, string path, HttpStatusCode expected)
    {
        using var response = await admin.PostAsync(path, null, Ct);
        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<Dictionary<string, VulnerabilityEntity>> FindingsAsync(string scanId)
    {
        var rows = new List<VulnerabilityEntity>();
        await fixture.WithDbAsync(async db => rows.AddRange(await db.Vulnerabilities.AsNoTracking().Where(v => v.ScanId == Guid.Parse(scanId)).ToListAsync(Ct)));
        return rows.ToDictionary(v => v.Fingerprint, StringComparer.Ordinal);
    }

    private async Task<List<CrawledResourceEntity>> CrawledAsync(string scanId)
    {
        var rows = new List<CrawledResourceEntity>();
        await fixture.WithDbAsync(async db => rows.AddRange(await db.CrawledResources.AsNoTracking().Where(r => r.ScanId == Guid.Parse(scanId)).ToListAsync(Ct)));
        return rows;
    }

    private static void AssertSameSet(IEnumerable<string> expected, IEnumerable<string> actual, IReadOnlyDictionary<string, VulnerabilityEntity> known)
    {
        var (e, a) = (expected.ToHashSet(StringComparer.Ordinal), actual.ToHashSet(StringComparer.Ordinal));
        string Describe(string fingerprint) => known.TryGetValue(fingerprint, out var v) ? $"{v.Type} {v.Url} {v.Parameter}" : fingerprint;
        Assert.True(e.SetEquals(a), $"missing: {string.Join(", ", e.Except(a).Select(Describe))} | unexpected: {string.Join(", ", a.Except(e).Select(Describe))}");
    }

    /// <summary>The path of the stored raw request's request line (where a passive finding was seen).</summary>
    private static string? RawRequestPath(VulnerabilityEntity v) =>
        v.RawRequest?.Split("\r\n", 2)[0].Split(' ') is [_, var pathAndQuery, ..] ? PathOf(pathAndQuery) : null;

    private static string PathOf(string pathAndQuery) => pathAndQuery.Split('?', 2)[0];

    /// <summary>For a path-segment finding (<c>/vuln/sqli/path/1</c>), the folder its attacked segment lives in.</summary>
    private static string FolderOf(string path) => path[..(path.LastIndexOf('/') + 1)];
}
