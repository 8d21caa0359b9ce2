using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Crawling;

/// <summary>Crawler behaviour through a whole engine run with no active checks (only crawl requests are sent).</summary>
public sealed class CrawlerTests
{
    private static readonly EnginePolicy s_crawlOnly = Scans.FastPolicy with { EnabledCheckIds = new HashSet<string>() };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Crawl_FollowsLinksFramesScriptsMetaRefreshAndForms_Once()
    {
        // Arrange
        await using var site = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Html(
                "<a href='/a?x=1'>a</a><a href='/a?x=2'>same signature</a><a href='/a?x=3#frag'>again</a>" +
                "<area href='/area'><link rel='alternate' href='/link'><iframe src='/frame'></iframe><a href='/frames'>frames</a>" +
                "<script src='/app.js'></script><meta http-equiv='refresh' content='5; URL=/refreshed'>" +
                "<a href='javascript:alert(1)'>js</a><a href='mailto:x@example.com'>mail</a>" +
                "<form action='/search'><input name='q'><select name='sort'><option value='asc'>A</option><option value='desc' selected>D</option></select></form>" +
                "<form method='post' action='/login'><input type='hidden' name='csrf' value='t0k'><input name='user'><input type='password' name='pass'>" +
                "<input type='checkbox' name='remember'><input type='radio' name='r' value='1'><input type='radio' name='r' value='2' checked>" +
                "<textarea name='note'>hi</textarea><input type='submit' name='go' value='Go'><button name='other'>No</button></form>"));
            app.MapGet("/frames", () => Results.Content("<html><frameset><frame src='/frame2'></frameset></html>", "text/html"));
            app.MapFallback(() => Html("<p>leaf</p>"));
        }, Token);
        var sink = new RecordingSink();

        // Act
        await Scans.RunAsync(Scans.Configuration(site.BaseUri), sink, s_crawlOnly);

        // Assert
        var requests = site.Requests.ToList();
        Assert.Single(requests, r => r.StartsWith("GET /a?", StringComparison.Ordinal));
        foreach (var path in new[] { "/area", "/link", "/frame", "/frame2", "/app.js", "/refreshed", "/search?q=harrier&sort=desc" })
        {
            Assert.Contains("GET " + path, requests);
        }

        Assert.Contains("POST /login", requests);
        var login = Assert.Single(sink.Crawled, c => c.Method == "POST");
        Assert.Equal(["csrf", "user", "pass", "remember", "r", "note", "go"], login.ParameterNames);
        Assert.Equal(requests.Count, requests.Distinct().Count());
    }

    [Fact]
    public async Task Crawl_UrlRewrittenFamily_IsBounded()
    {
        // Arrange: 1,000 item pages, all linked from the index and from each other.
        await using var site = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Html(string.Concat(Enumerable.Range(1, 1000).Select(i => $"<a href='/item/{i}'>{i}</a>"))));
            app.MapGet("/item/{id:int}", (int id) => Html($"<a href='/item/{id + 1}'>next</a><a href='/item/{id}/reviews'>reviews</a>"));
            app.MapFallback(() => Html("leaf"));
        }, Token);
        var sink = new RecordingSink();

        // Act
        var outcome = await Scans.RunAsync(Scans.Configuration(site.BaseUri) with { SubPathMaxDynamicSignatures = 5 }, sink, s_crawlOnly);

        // Assert
        Assert.InRange(site.Requests.Count(r => r.StartsWith("GET /item/", StringComparison.Ordinal)), 1, 10);
        Assert.InRange(outcome.RequestsSent, 1, 20);
    }

    [Fact]
    public async Task Crawl_ReadsRobotsAndSitemap_AndImportedLinks()
    {
        await using var site = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Html("no links"));
            app.MapGet("/robots.txt", () => "User-agent: *\nDisallow: /hidden/\nAllow: /open*\nSitemap: /maps/site.xml");
            app.MapGet("/sitemap.xml", () => Results.NotFound());
            app.MapGet("/maps/site.xml", () => Results.Content("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>/from-sitemap</loc></url></urlset>", "application/xml"));
            app.MapFallback(() => Html("leaf"));
        }, Token);
        var sink = new RecordingSink();

        await Scans.RunAsync(Scans.Configuration(site.BaseUri) with { ImportedLinks = ["/imported", "http://127.0.0.2:1/outside"] }, sink, s_crawlOnly);

        var requests = site.Requests.ToList();
        foreach (var path in new[] { "/hidden/", "/open", "/maps/site.xml", "/from-sitemap", "/imported" })
        {
            Assert.Contains("GET " + path, requests);
        }
    }

    [Fact]
    public async Task Crawl_WithoutFindAndFollow_RequestsOnlySeeds()
    {
        await using var site = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Html("<a href='/linked'>x</a>"));
            app.MapFallback(() => Html("leaf"));
        }, Token);

        await Scans.RunAsync(Scans.Configuration(site.BaseUri) with { FindAndFollowNewLinks = false, ImportedLinks = ["/seed"] }, new RecordingSink(), s_crawlOnly);

        Assert.DoesNotContain("GET /linked", site.Requests);
        Assert.Contains("GET /seed", site.Requests);
    }

    private static IResult Html(string body) => Results.Content("<html><body>" + body + "</body></html>", "text/html");
}
