using Harrier.Core.Scans;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests;

/// <summary>The scan never sends a request outside its scope, nor with a disallowed method (issue 3 "Safety").</summary>
public sealed class ScanSafetyTests
{
    [Fact]
    public async Task Scan_NeverRequestsOutOfScope_EvenWhenLinkedOrRedirected()
    {
        // Arrange: a second server counts every request it gets; the target links, frames, posts and redirects to it.
        var token = TestContext.Current.CancellationToken;
        await using var outside = await LoopbackServer.StartAsync(app => app.MapFallback(() => "outside"), token);
        var o = outside.BaseUri.AbsoluteUri;
        await using var target = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/app/", () => Results.Content(
                $"<a href='{o}page'>x</a><iframe src='{o}frame'></iframe><script src='{o}s.js'></script>" +
                $"<form action='{o}post' method='post'><input name='q'></form><meta http-equiv='refresh' content='0; url={o}refresh'>" +
                "<a href='/app/go?to=1'>go</a><a href='/other/'>sibling</a><a href='/app/logout'>logout</a><form method='delete' action='/app/'></form>",
                "text/html"));
            app.MapGet("/app/go", (string? to) => Results.Redirect(o + "redirected?to=" + to));
            app.MapGet("/robots.txt", () => $"Disallow: /app/secret\nSitemap: {o}sitemap.xml");
            app.MapFallback(() => "target");
        }, token);
        var configuration = Scans.Configuration(target.Url("/app/")) with
        {
            AdditionalWebsites = [new AdditionalWebsite("http://127.0.0.1:1/unused/", false)],
            DisallowedHttpMethods = [HttpMethodName.DELETE, HttpMethodName.PUT],
        };
        var sink = new RecordingSink();

        // Act
        var outcome = await Scans.RunAsync(configuration, sink, Scans.FastPolicy with { Strength = AttackStrength.Medium });

        // Assert
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(0, outside.RequestCount);
        Assert.DoesNotContain(target.Requests, r => r.StartsWith("DELETE", StringComparison.Ordinal) || r.StartsWith("PUT", StringComparison.Ordinal));
        Assert.DoesNotContain(target.Requests, r => r.Contains("/other/", StringComparison.Ordinal) || r.Contains("logout", StringComparison.Ordinal));
        Assert.Contains(target.Requests, r => r.StartsWith("GET /app/go", StringComparison.Ordinal));
    }
}
