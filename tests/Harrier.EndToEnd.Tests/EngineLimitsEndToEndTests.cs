using System.Collections.Concurrent;
using Harrier.Api.Tests;
using Harrier.Engine.Checks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harrier.EndToEnd.Tests;

/// <summary>A scanning server with small <c>Harrier:Engine</c> ceilings: 30 crawl requests, 4 KiB per response, 1,024 evidence characters.</summary>
public sealed class SmallEngineLimitsFixture : HarrierApiFixture
{
    public const int MaxCrawlRequests = 30;
    public const int MaxResponseBytes = 4096;
    public const int MaxEvidenceChars = 1024;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        KeyValuePair.Create("Harrier:Agents", (string?)"1"),
        KeyValuePair.Create("Harrier:Agent:IdlePollInterval", (string?)"00:00:00.100"),
        KeyValuePair.Create("Harrier:Agent:ControlPollInterval", (string?)"00:00:00.100"),
        KeyValuePair.Create("Harrier:OutOfBand:Enabled", (string?)"false"),
        KeyValuePair.Create("Harrier:Engine:MaxCrawlRequests", (string?)"30"),
        KeyValuePair.Create("Harrier:Engine:MaxResponseBytes", (string?)"4096"),
        KeyValuePair.Create("Harrier:Engine:MaxEvidenceChars", (string?)"1024"),
    ];
}

/// <summary>The server's <c>Harrier:Engine</c> ceilings and the policy's <c>MaximumCrawlerUrlCount</c>, through a real scan of a loopback site.</summary>
public sealed class EngineLimitsEndToEndTests(SmallEngineLimitsFixture fixture) : IClassFixture<SmallEngineLimitsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Crawl_StopsAtThePolicyCount_WhenItIsBelowTheServerCeiling()
    {
        await using var site = await Site.StartAsync(pages: 200);

        await ScanAsync(site, await CrawlOnlyPolicyAsync(maximumCrawlerUrlCount: 10));

        Assert.Equal(10, site.Requests.Count);
    }

    [Fact]
    public async Task Crawl_StopsAtTheServerCeiling_WhenThePolicyAsksForMore()
    {
        await using var site = await Site.StartAsync(pages: 200);

        await ScanAsync(site, await CrawlOnlyPolicyAsync(maximumCrawlerUrlCount: 1000));

        Assert.Equal(SmallEngineLimitsFixture.MaxCrawlRequests, site.Requests.Count);
    }

    [Fact]
    public async Task SiteSmallerThanTheCap_IsCrawledWhole()
    {
        await using var site = await Site.StartAsync(pages: 8);

        await ScanAsync(site, await CrawlOnlyPolicyAsync(maximumCrawlerUrlCount: 0));

        var pages = site.Requests.Where(p => p.StartsWith("/p", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"/p{i}").Order(StringComparer.Ordinal), pages);
        Assert.InRange(site.Requests.Count, 9, SmallEngineLimitsFixture.MaxCrawlRequests - 1);
    }

    [Fact]
    public async Task ResponseOverTheReadCap_IsCut_AndTheEvidenceKeptIsAtMostTheCap()
    {
        // Both pages reflect q into 20 KB of HTML: /early before the padding, /late after it, beyond the 4 KiB read.
        await using var site = await Site.StartAsync(pages: 0);
        var policy = await PolicyAsync(0, CheckCatalog.All.Select(c => (c.Id, c.Id == "reflected-xss")));

        var scanId = await ScanAsync(site, policy);

        List<(string Url, string? RawResponse)> findings = [];
        await fixture.WithDbAsync(async db => findings = [.. (await db.Vulnerabilities.AsNoTracking()
            .Where(v => v.ScanId == Guid.Parse(scanId) && v.CheckId == "reflected-xss")
            .Select(v => new { v.Url, v.RawResponse }).ToListAsync(Ct)).Select(v => (v.Url, v.RawResponse))]);
        Assert.Contains(site.Requests, p => p.StartsWith("/late?", StringComparison.Ordinal) && p != "/late?q=1");
        Assert.DoesNotContain(findings, f => f.Url.Contains("/late", StringComparison.Ordinal));
        var early = Assert.Single(findings, f => f.Url.Contains("/early", StringComparison.Ordinal));
        Assert.NotNull(early.RawResponse);
        Assert.InRange(early.RawResponse.Length, SmallEngineLimitsFixture.MaxEvidenceChars - 2, SmallEngineLimitsFixture.MaxEvidenceChars);
        Assert.EndsWith("[truncated by Harrier]", early.RawResponse, StringComparison.Ordinal);
    }

    private async Task<string> ScanAsync(Site site, string policyId)
    {
        var client = fixture.Client();
        var scan = await client.LaunchAsync(site.BaseUrl.AbsoluteUri, new { PolicyId = policyId, UrlRewriteMode = "None" });
        var done = await client.WaitForStateAsync(scan.Id(), "Complete", "Failed", "Cancelled");
        Assert.Equal("Complete", (string?)done["State"]);
        return scan.Id();
    }

    /// <summary>A policy with every check off, so the site sees only crawl requests.</summary>
    private Task<string> CrawlOnlyPolicyAsync(int maximumCrawlerUrlCount) =>
        PolicyAsync(maximumCrawlerUrlCount, CheckCatalog.All.Select(c => (c.Id, false)));

    private async Task<string> PolicyAsync(int maximumCrawlerUrlCount, IEnumerable<(string Id, bool Enabled)> checks)
    {
        var (status, created) = await fixture.Client().PostJsonAsync("/api/1.0/scanpolicies/new", new
        {
            Name = "limits-" + Guid.NewGuid().ToString("N"),
            CrawlingSettings = new { MaximumCrawlerUrlCount = maximumCrawlerUrlCount },
            SecurityCheckGroupParents = new[]
            {
                new { Title = "Checks", SecurityCheckGroups = checks.Select(c => new { EngineGroup = c.Id, Enabled = c.Enabled }).ToArray() },
            },
        });
        Assert.True(status == System.Net.HttpStatusCode.Created, $"scanpolicies/new answered {status}: {created?.ToJsonString()}");
        return created.Id();
    }

    /// <summary>A loopback site: an index linking <c>/p1</c>…<c>/pN</c>, and two reflecting pages; it records every path it is asked for.</summary>
    private sealed class Site : IAsyncDisposable
    {
        private static readonly string s_padding = "<p>" + new string('x', 20_000) + "</p>";
        private readonly WebApplication _app;

        private Site(WebApplication app) => _app = app;

        public ConcurrentQueue<string> Requests { get; } = new();

        public Uri BaseUrl { get; private set; } = null!;

        public static async Task<Site> StartAsync(int pages)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var site = new Site(app);
            app.Use((context, next) =>
            {
                site.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
                return next(context);
            });
            var links = string.Concat(Enumerable.Range(1, pages).Select(i => $"<a href='/p{i}'>page {i}</a>"));
            app.MapGet("/", () => Html(pages > 0 ? links : "<a href='/early?q=1'>early</a><a href='/late?q=1'>late</a>"));
            app.MapGet("/p{id:int}", (int id) => Html($"<p>page {id}</p>"));
            app.MapGet("/early", (string? q) => Html("<p>" + q + "</p>" + s_padding));
            app.MapGet("/late", (string? q) => Html(s_padding + "<p>" + q + "</p>"));
            await app.StartAsync(Ct);
            site.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
            return site;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();

        private static IResult Html(string body) => Results.Content("<html><body>" + body + "</body></html>", "text/html");
    }
}
