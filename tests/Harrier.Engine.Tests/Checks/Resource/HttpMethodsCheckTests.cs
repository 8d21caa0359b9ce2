using System.Collections.Concurrent;
using Harrier.Core.Scans;
using Harrier.Engine.Checks.Resource;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Resource;

public sealed class HttpMethodsCheckTests
{
    [Fact]
    public async Task Reports_TraceEcho_WebDav_AndWritableFolder_AndCleansUp()
    {
        // Arrange
        var files = new ConcurrentDictionary<string, string>();
        await using var server = await LoopbackServer.StartAsync(app => MapVulnerable(app, files), TestContext.Current.CancellationToken);

        // Act
        var run = await CheckHarness.RunResourceAsync(new HttpMethodsCheck(), server, [server.Url("/dav/page")]);

        // Assert
        Assert.Equal(["TraceTrackIdentified", "WebDavDirectoryHasWritePermissions", "WebDavEnabled"], run.Findings.Select(f => f.Type).Order());
        Assert.Equal("TRACE", run.Findings.Single(f => f.Type == "TraceTrackIdentified").Method);
        Assert.Equal("PUT", run.Findings.Single(f => f.Type == "WebDavDirectoryHasWritePermissions").Method);
        Assert.Empty(files); // The test file was deleted again.
    }

    [Fact]
    public async Task ReportsTraceOncePerSite_ProbingEachFolderOnce()
    {
        // Arrange
        var files = new ConcurrentDictionary<string, string>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            MapVulnerable(app, files);
            app.MapGet("/other/page", () => Results.Content("<p>page</p>", "text/html"));
            app.MapGet("/other/second", () => Results.Content("<p>page</p>", "text/html"));
        }, TestContext.Current.CancellationToken);

        // Act
        var run = await CheckHarness.RunResourceAsync(
            new HttpMethodsCheck(), server, [server.Url("/dav/page"), server.Url("/other/page"), server.Url("/other/second")]);

        // Assert
        Assert.Equal(server.Url("/dav/").AbsoluteUri, Assert.Single(run.Findings, f => f.Type == "TraceTrackIdentified").Url);
        Assert.Equal(2, server.Recorded.Count(r => r.Method == "TRACE"));
        Assert.Equal(0, run.RequestsPerInsertionPoint[2]);
    }

    [Fact]
    public async Task SendsNoDisallowedMethod()
    {
        // Arrange
        var files = new ConcurrentDictionary<string, string>();
        await using var server = await LoopbackServer.StartAsync(app => MapVulnerable(app, files), TestContext.Current.CancellationToken);
        var configuration = Scans.Configuration(server.BaseUri) with
        {
            DisallowedHttpMethods = [HttpMethodName.TRACE, HttpMethodName.TRACK, HttpMethodName.PUT],
        };

        // Act
        var run = await CheckHarness.RunResourceAsync(new HttpMethodsCheck(), server, [server.Url("/dav/page")], configuration: configuration);

        // Assert: OPTIONS still shows WebDAV, but nothing disallowed reached the server or was counted.
        Assert.Equal(["WebDavEnabled"], run.Findings.Select(f => f.Type));
        Assert.DoesNotContain(server.Recorded, r => r.Method is "TRACE" or "TRACK" or "PUT");
        Assert.Equal([1], run.RequestsPerInsertionPoint);
    }

    [Fact]
    public async Task DoesNotReport_WhenMethodsAreRestricted()
    {
        // Arrange: TRACE refused, OPTIONS lists only safe methods, PUT would fail anyway.
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/dav/page", () => Results.Content("<p>page</p>", "text/html"));
            app.MapMethods("/dav/", ["OPTIONS"], (HttpContext context) =>
            {
                context.Response.Headers.Allow = "GET, HEAD, POST, OPTIONS";
                return Results.Ok();
            });
            app.MapMethods("{**path}", ["TRACE", "TRACK"], () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        }, TestContext.Current.CancellationToken);

        // Act
        var run = await CheckHarness.RunResourceAsync(new HttpMethodsCheck(), server, [server.Url("/dav/page")]);

        // Assert
        Assert.Empty(run.Findings);
        Assert.DoesNotContain(server.Recorded, r => r.Method is "PUT" or "DELETE");
    }

    [Fact]
    public async Task DoesNotReport_TraceThatDoesNotEchoTheRequest()
    {
        // 200 for TRACE with a page, not the echoed request (a catch-all route).
        await using var server = await LoopbackServer.StartAsync(
            app => app.Map("{**path}", () => Results.Content("<p>TRACE is fun</p>", "text/html")), TestContext.Current.CancellationToken);

        var run = await CheckHarness.RunResourceAsync(new HttpMethodsCheck(), server, [server.Url("/dav/page")]);

        Assert.Empty(run.Findings);
    }

    private static void MapVulnerable(WebApplication app, ConcurrentDictionary<string, string> files)
    {
        app.MapGet("/dav/page", () => Results.Content("<p>page</p>", "text/html"));
        app.MapMethods("{**path}", ["TRACE", "TRACK"], (HttpContext context) =>
        {
            var echo = context.Request.Method + " " + context.Request.Path + " HTTP/1.1\r\n" +
                string.Concat(context.Request.Headers.Select(h => h.Key + ": " + h.Value + "\r\n"));
            return Results.Text(echo, "message/http");
        });
        app.MapMethods("/dav/", ["OPTIONS"], (HttpContext context) =>
        {
            context.Response.Headers.Allow = "GET, HEAD, POST, OPTIONS, PUT, DELETE, PROPFIND";
            context.Response.Headers["DAV"] = "1, 2";
            return Results.Ok();
        });
        app.MapMethods("/dav/{name}", ["PUT"], async (string name, HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            files[name] = await reader.ReadToEndAsync(context.RequestAborted);
            return Results.Created();
        });
        app.MapGet("/dav/{name}", (string name) => files.TryGetValue(name, out var text) ? Results.Text(text) : Results.NotFound());
        app.MapDelete("/dav/{name}", (string name) => files.TryRemove(name, out _) ? Results.NoContent() : Results.NotFound());
    }
}
