using Harrier.Core.Scans;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Scanning;

/// <summary>Retest plans and incremental bases against a loopback site whose holes and pages the test switches.</summary>
public sealed class RetestAndIncrementalTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A site with reflected XSS (/search), SQL injection (/item, and a POST form), a missing-header page; switches for a fix and a new page.</summary>
    private sealed class Site
    {
        public volatile bool SearchFixed;
        public volatile bool NewPage;

        public Task<LoopbackServer> StartAsync() => LoopbackServer.StartAsync(app =>
        {
            app.Use((context, next) =>
            {
                if (context.Request.Path != "/frameable")
                {
                    context.Response.Headers["X-Frame-Options"] = "DENY";
                }

                return next(context);
            });
            app.MapGet("/", () => Html("<a href='/search?q=shoes'>search</a><a href='/item?id=1'>item</a><a href='/frameable'>f</a>" +
                "<form action='/order' method='post'><input type='hidden' name='csrf' value='t1'><input name='name' value='pen'><button>Go</button></form>" +
                (NewPage ? "<a href='/new?term=x'>new</a>" : "")));
            app.MapGet("/search", (string? q) => Html("<p>Results for " + (SearchFixed ? System.Net.WebUtility.HtmlEncode(q) : q) + "</p>"));
            app.MapGet("/item", (string? id) => Sql(id));
            app.MapPost("/order", async (HttpRequest request) => Sql((await request.ReadFormAsync()).TryGetValue("name", out var v) ? v.ToString() : ""));
            app.MapGet("/frameable", () => Html("<p>frame me</p>"));
            app.MapGet("/new", (string? term) => NewPage ? Html("<p>New: " + term + "</p>") : Results.NotFound());
        }, Token);

        private static IResult Sql(string? value) => value is not null && value.Contains('\'', StringComparison.Ordinal)
            ? Results.Content("SQLITE_ERROR: near \"'\": syntax error", "text/html", statusCode: 500)
            : Html("<p>Item</p>");
    }

    [Fact]
    public async Task Retest_ReportsOnlyBaseFindingsThatReproduce_WithoutCrawling()
    {
        // Arrange: a full scan, then the XSS is fixed
        var site = new Site();
        await using var server = await site.StartAsync();
        var full = new RecordingSink();
        await Scans.RunAsync(Scans.Configuration(server.BaseUri), full);
        var baseFindings = full.Findings.ToList();
        var xss = Assert.Single(baseFindings, f => f.Type == "Xss");
        Assert.Contains(baseFindings, f => f.Type == "ConfirmedSqlInjection" && f.ParameterLocation == "Form" && f.Parameter == "name");
        site.SearchFixed = true;
        var sentBefore = server.RequestCount;
        var sink = new RecordingSink();

        // Act
        var outcome = await RunAsync(sink, Scans.Request(Scans.Configuration(server.BaseUri)) with { Retest = new RetestPlan(baseFindings) });

        // Assert: the same fingerprints but the fixed one, nothing else
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        var expected = baseFindings.Select(f => f.Fingerprint).Where(f => f != xss.Fingerprint).Order(StringComparer.Ordinal);
        Assert.Equal(expected, sink.Findings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal));
        Assert.Equal([ScanTaskPhase.Attacking, ScanTaskPhase.Complete], sink.Phases);
        Assert.Equal(new ScanProgress(baseFindings.Count, baseFindings.Count, outcome.SettledConcurrency), sink.Progress.Last());

        // Assert: no crawl: only the target (reachability) and the findings' own pages were requested
        var paths = server.Requests.Skip(sentBefore).Select(r => new Uri(server.BaseUri, r.Split(' ', 2)[1]).AbsolutePath).ToList();
        Assert.Empty(sink.Crawled);
        Assert.All(paths, p => Assert.Contains(p, (string[])["/", "/search", "/item", "/order", "/frameable"]));
        Assert.InRange(paths.Count, baseFindings.Count, 1 + (baseFindings.Count * 6));
    }

    [Fact]
    public async Task Retest_ProbedFiles_AreProbedAgainFromTheirPages_AndAFixedOneIsNotReproduced()
    {
        // Arrange: a backup copy and a git folder found by probing, then the backup is removed
        var backupRemoved = false;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Html("<a href='/app/config.php'>config</a>"));
            app.MapGet("/app/config.php", () => Html("<p>configured</p>"));
            app.MapGet("/app/config.php.bak", () => backupRemoved ? Results.NotFound() : Results.Text("<?php $password = 'secret'; ?>", "text/plain"));
            app.MapGet("/app/.git/config", () => Results.Text("[core]\n\trepositoryformatversion = 0\n", "text/plain"));
        }, Token);
        var full = new RecordingSink();
        await Scans.RunAsync(Scans.Configuration(server.BaseUri), full);
        var backup = Assert.Single(full.Findings, f => f.Type == "BackupSourceCodeFound");
        var git = Assert.Single(full.Findings, f => f.Type == "GitDisclosure");
        backupRemoved = true;
        var sink = new RecordingSink();

        // Act
        var outcome = await RunAsync(sink, Scans.Request(Scans.Configuration(server.BaseUri)) with { Retest = new RetestPlan([backup, git]) });

        // Assert
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Equal([git.Fingerprint], sink.Findings.Select(f => f.Fingerprint));
    }

    [Fact]
    public async Task Retest_FindingOfAnUnknownOrDisabledCheck_IsNotReproduced()
    {
        // Arrange
        var site = new Site();
        await using var server = await site.StartAsync();
        var full = new RecordingSink();
        await Scans.RunAsync(Scans.Configuration(server.BaseUri), full);
        var xss = Assert.Single(full.Findings, f => f.Type == "Xss");
        var sqli = full.Findings.First(f => f.Type == "ConfirmedSqlInjection");
        var policy = Scans.FastPolicy with { EnabledCheckIds = new HashSet<string>(StringComparer.Ordinal) { sqli.CheckId } };
        var plan = new RetestPlan([xss, xss with { CheckId = "no-such-check", Url = server.Url("/item?id=1").AbsoluteUri }, sqli]);
        var sink = new RecordingSink();

        // Act
        var outcome = await RunAsync(sink, Scans.Request(Scans.Configuration(server.BaseUri), policy) with { Retest = plan });

        // Assert
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Equal([sqli.Fingerprint], sink.Findings.Select(f => f.Fingerprint));
        Assert.Equal(3, sink.Progress.Last().CompletedSteps);
    }

    [Fact]
    public async Task Retest_WithAnEmptyPlan_SendsNothing_AndCompletes()
    {
        await using var server = await new Site().StartAsync();
        var sink = new RecordingSink();

        var outcome = await RunAsync(sink, Scans.Request(Scans.Configuration(server.BaseUri)) with { Retest = new RetestPlan([]) });

        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(0, server.RequestCount);
        Assert.Equal([ScanTaskPhase.Complete], sink.Phases);
        Assert.Empty(sink.Findings);
    }

    [Fact]
    public async Task Incremental_AttacksOnlyNewAndChangedResources_AndCarriesOverTheRest()
    {
        // Arrange: a full scan, then a new page appears (and the home page, which links it, changes)
        var site = new Site();
        await using var server = await site.StartAsync();
        var full = new RecordingSink();
        await Scans.RunAsync(Scans.Configuration(server.BaseUri), full);
        site.NewPage = true;
        var sentBefore = server.Recorded.Count;
        var sink = new RecordingSink();
        var incrementalBase = new IncrementalBase([.. full.Crawled], [.. full.Findings]);

        // Act
        var outcome = await RunAsync(sink, Scans.Request(Scans.Configuration(server.BaseUri)) with { Incremental = incrementalBase });

        // Assert: the base findings plus the new page's, same fingerprints
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        var added = Assert.Single(sink.Findings, f => f.Url.Contains("/new", StringComparison.Ordinal));
        Assert.Equal(("Xss", "term"), (added.Type, added.Parameter));
        Assert.Equal(full.Findings.Select(f => f.Fingerprint).Append(added.Fingerprint).Order(StringComparer.Ordinal),
            sink.Findings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal));

        // Assert: only the new page and the changed home page count as attacked; unchanged pages got only their crawl
        // request (stored XSS's second look may fetch a page again, but never with anything changed in it)
        Assert.Equal(["/", "/new"], sink.Crawled.Where(c => c.Attacked).Select(c => new Uri(c.Url).AbsolutePath).Order(StringComparer.Ordinal));
        var requests = server.Recorded.Skip(sentBefore).ToList();
        foreach (var path in (string[])["/search", "/item", "/order", "/frameable"])
        {
            Assert.Single(requests.Where(r => r.PathAndQuery.Split('?')[0] == path).Select(r => (r.Method, r.PathAndQuery)).Distinct());
        }

        Assert.True(requests.Count(r => r.PathAndQuery.StartsWith("/new", StringComparison.Ordinal)) > 1);
    }

    [Fact]
    public async Task Incremental_WithNothingChanged_AttacksNothing_AndReportsTheBaseFindings()
    {
        // Arrange
        await using var server = await new Site().StartAsync();
        var full = new RecordingSink();
        await Scans.RunAsync(Scans.Configuration(server.BaseUri), full);
        var sentBefore = server.Recorded.Count;
        var sink = new RecordingSink();

        // Act
        await RunAsync(sink, Scans.Request(Scans.Configuration(server.BaseUri)) with { Incremental = new IncrementalBase([.. full.Crawled], [.. full.Findings]) });

        // Assert
        Assert.DoesNotContain(sink.Crawled, c => c.Attacked);
        Assert.Equal(full.Crawled.Count, server.Recorded.Count - sentBefore);
        Assert.Equal(full.Findings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal), sink.Findings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal));
        Assert.Equal(full.Crawled.Select(c => c.ResponseHash).Order(StringComparer.Ordinal), sink.Crawled.Select(c => c.ResponseHash).Order(StringComparer.Ordinal));
    }

    private static Task<ScanOutcome> RunAsync(RecordingSink sink, ScanRequest request) =>
        new ScanEngine(TimeProvider.System).RunAsync(request, sink, Token);

    private static IResult Html(string body) => Results.Content("<html><body>" + body + "</body></html>", "text/html; charset=utf-8");
}
