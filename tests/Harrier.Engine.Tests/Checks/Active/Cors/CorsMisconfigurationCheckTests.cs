using Harrier.Engine.Checks.Active.Cors;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.Cors;

public sealed class CorsMisconfigurationCheckTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/api/reflect", (HttpRequest request, HttpResponse response) => Cors(response, request.Headers.Origin.ToString(), credentials: true));
            app.MapGet("/static/app.js", (HttpRequest request, HttpResponse response) => Cors(response, request.Headers.Origin.ToString(), credentials: true));
            app.MapGet("/api/null", (HttpRequest request, HttpResponse response) =>
                Cors(response, request.Headers.Origin == "null" ? "null" : "https://app.trusted.example", credentials: true));
            app.MapGet("/safe/wildcard", (HttpResponse response) => Cors(response, "*", credentials: false));
            app.MapGet("/safe/reflect-without-credentials", (HttpRequest request, HttpResponse response) => Cors(response, request.Headers.Origin.ToString(), credentials: false));
            app.MapGet("/safe/allow-list", (HttpResponse response) => Cors(response, "https://app.trusted.example", credentials: true));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/api/reflect?id=1", "Origin: https://")]
    [InlineData("/api/null", "Origin: null")]
    public async Task Reports_WhenAnyOriginIsAllowedWithCredentials(string path, string payloadStart)
    {
        // Act
        var run = await CheckHarness.RunResourceAsync(new CorsMisconfigurationCheck(), _server, [_server.Url(path)]);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("MisconfiguredAccessControlOrigin", finding.Type);
        Assert.StartsWith(payloadStart, finding.Payload, StringComparison.Ordinal);
        Assert.Equal(_server.Url(path).GetLeftPart(UriPartial.Path), finding.Url);
    }

    [Fact]
    public async Task ProbesOncePerPage_WhenClaimsAreShared()
    {
        // Act: the same page reached twice (another query) shares the scan's claims, as in the engine.
        var run = await CheckHarness.RunResourceAsync(
            new CorsMisconfigurationCheck(), _server, [_server.Url("/safe/allow-list?a=1"), _server.Url("/safe/allow-list?a=2")]);

        // Assert
        Assert.Equal([2, 0], run.RequestsPerInsertionPoint);
    }

    [Fact]
    public async Task DoesNotProbe_StaticFiles()
    {
        var run = await CheckHarness.RunResourceAsync(new CorsMisconfigurationCheck(), _server, [_server.Url("/static/app.js")]);

        Assert.Equal([0], run.RequestsPerInsertionPoint);
    }

    [Theory]
    [InlineData("/safe/wildcard?id=1")]
    [InlineData("/safe/reflect-without-credentials")]
    [InlineData("/safe/allow-list?id=1")]
    public async Task DoesNotReport_WithoutReflectedOriginAndCredentials(string path)
    {
        var run = await CheckHarness.RunResourceAsync(new CorsMisconfigurationCheck(), _server, [_server.Url(path)]);

        Assert.Empty(run.Findings);
    }

    private static IResult Cors(HttpResponse response, string origin, bool credentials)
    {
        if (origin.Length > 0)
        {
            response.Headers.AccessControlAllowOrigin = origin;
        }

        if (credentials)
        {
            response.Headers.AccessControlAllowCredentials = "true";
        }

        return Results.Json(new { secret = "account data" });
    }
}
