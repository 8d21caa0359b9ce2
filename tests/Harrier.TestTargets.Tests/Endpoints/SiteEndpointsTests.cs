using System.Net;

namespace Harrier.TestTargets.Tests.Endpoints;

public sealed class SiteEndpointsTests(TargetFixture fixture)
{
    [Fact]
    public async Task Home_LinksEveryArea()
    {
        // Act
        var home = await TargetRequests.GetAsync(fixture.Client, "/");

        // Assert
        Assert.Equal(HttpStatusCode.OK, home.Status);
        var links = Links.In(home.Body);
        foreach (var area in (string[])["/vuln/", "/safe/", "/app/", "/crawl/", "/forms/", "/auth/login", "/gen/"])
        {
            Assert.Contains(area, links);
        }
    }

    [Fact]
    public async Task Home_LinksTheOutOfScopeSite_WhenConfigured()
    {
        // Act
        var home = await TargetRequests.GetAsync(fixture.Client, "/");

        // Assert
        Assert.Contains(Links.In(home.Body), link => link.StartsWith(TargetFixture.OutOfScope.AbsoluteUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Indexes_LoadAFrontEndScript_ThatCallsEveryJsonAndXmlEndpoint_OnItsOwnSide()
    {
        // Act
        var vulnerableIndex = await TargetRequests.GetAsync(fixture.Client, "/vuln/");
        var vulnerable = await TargetRequests.GetAsync(fixture.Client, "/vuln/api-client.js");
        var safe = await TargetRequests.GetAsync(fixture.Client, "/safe/api-client.js");

        // Assert
        Assert.Contains("<script src=\"/vuln/api-client.js\"></script>", vulnerableIndex.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, vulnerable.Status);
        Assert.Equal("text/javascript", vulnerable.ContentHeaders.ContentType?.MediaType);
        var apiHoles = KnownVulnerabilities.All.Where(v => v.Location is ParameterLocation.Json or ParameterLocation.Xml).ToList();
        Assert.NotEmpty(apiHoles);
        foreach (var hole in apiHoles)
        {
            Assert.Contains("document.getElementById(\"" + hole.Id + "\")", vulnerable.Body, StringComparison.Ordinal);
            Assert.Contains("id=\"" + hole.Id + "\"", vulnerableIndex.Body, StringComparison.Ordinal);
            Assert.Contains((hole.Location == ParameterLocation.Json ? "fetch(\"" : "xhr.open(\"POST\", \"") + hole.Path + "\"", vulnerable.Body, StringComparison.Ordinal);
            Assert.Contains("\"" + hole.SafeTwinPath + "\"", safe.Body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/vuln/", safe.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("/safe/", vulnerable.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indexes_LinkEveryCrawlableHole_AndEveryTwin()
    {
        // Act
        var vulnerable = await TargetRequests.GetAsync(fixture.Client, "/vuln/");
        var safe = await TargetRequests.GetAsync(fixture.Client, "/safe/");

        // Assert
        var vulnerableLinks = Links.In(vulnerable.Body).Select(l => l.Split('?', '#')[0]).ToHashSet();
        var safeLinks = Links.In(safe.Body).Select(l => l.Split('?', '#')[0]).ToHashSet();
        foreach (var vulnerability in KnownVulnerabilities.All.Where(v => v.Crawlable && !v.RequiresLogin && v.Path.StartsWith("/vuln/", StringComparison.Ordinal)))
        {
            Assert.Contains(vulnerability.Path, vulnerableLinks);
            Assert.Contains(vulnerability.SafeTwinPath!, safeLinks);
        }

        Assert.DoesNotContain(safeLinks, link => link.StartsWith("/vuln/", StringComparison.Ordinal));
        Assert.DoesNotContain(vulnerableLinks, link => link.StartsWith("/safe/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RobotsTxt_DisallowsAPath_AndPointsToTheSitemap()
    {
        // Act
        var robots = await TargetRequests.GetAsync(fixture.Client, "/robots.txt");

        // Assert
        Assert.Equal(HttpStatusCode.OK, robots.Status);
        Assert.Contains("Disallow: /crawl/robots-only/", robots.Body, StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {fixture.Server.GetUrl("/sitemap.xml")}", robots.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await TargetRequests.GetAsync(fixture.Client, "/crawl/robots-only/")).Status);
    }

    [Fact]
    public async Task SitemapXml_ListsAbsoluteUrls_IncludingAPageNothingLinks()
    {
        // Act
        var sitemap = await TargetRequests.GetAsync(fixture.Client, "/sitemap.xml");

        // Assert
        Assert.Equal("application/xml", sitemap.ContentHeaders.ContentType?.MediaType);
        Assert.Contains($"<loc>{fixture.Server.GetUrl("/crawl/sitemap-only")}</loc>", sitemap.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await TargetRequests.GetAsync(fixture.Client, "/crawl/sitemap-only")).Status);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/vuln/")]
    [InlineData("/gen/item/1")]
    [InlineData("/no/such/page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndNoServerHeader(string path)
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, path);

        // Assert
        Assert.Equal("SAMEORIGIN", response.Header("X-Frame-Options"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Contains("frame-ancestors", response.Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.NotNull(response.Header("Referrer-Policy"));
        Assert.Null(response.Header("Server"));
    }

    [Fact]
    public async Task Head_AnswersLikeGet_WithoutABody()
    {
        // Act
        using var request = new HttpRequestMessage(HttpMethod.Head, "/gen/item/3");
        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body);
        Assert.True(response.Content.Headers.ContentLength > 0);
    }

    [Fact]
    public async Task UnknownPath_Answers404()
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, "/no/such/page");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task CrawlingFromHome_FindsNoBrokenLinks()
    {
        // Arrange: a tiny breadth-first crawler over same-origin links (generated pages and logout excluded).
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var broken = new List<string>();
        var errorsByDesign = KnownVulnerabilities.All.Where(v => v.Type == "AspNetStackTrace").Select(v => v.Path).ToHashSet(StringComparer.Ordinal);

        // Act
        while (queue.TryDequeue(out var path))
        {
            var response = await TargetRequests.GetAsync(fixture.Client, path);
            if (response.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed
                || (response.Status >= HttpStatusCode.InternalServerError && !errorsByDesign.Contains(path)))
            {
                broken.Add($"{path} -> {(int)response.Status}");
            }

            var next = Links.LocalPaths(response.Body);
            if (response.Header("Location") is { } location && location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal))
            {
                next = next.Append(location);
            }

            foreach (var link in next)
            {
                if (!link.StartsWith("/gen/item/", StringComparison.Ordinal) && !link.StartsWith("/gen/page/", StringComparison.Ordinal)
                    && link != "/auth/logout" && seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        // Assert
        Assert.Empty(broken);
        Assert.True(seen.Count > 60, $"Only {seen.Count} pages were reachable.");
        Assert.Contains("/crawl/target/after-chain", seen);
        Assert.Contains("/outside/from-app-link", seen);
    }
}
