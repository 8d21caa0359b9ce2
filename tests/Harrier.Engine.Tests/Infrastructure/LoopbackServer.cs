using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harrier.Engine.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, recording every request it receives. The one loopback HTTP
/// listener of the tests: linked into Harrier.TestTargets.Tests (an out-of-band receiver) and Harrier.EndToEnd.Tests
/// (an out-of-scope tripwire) too.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requestCount;

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>"METHOD /path?query" of every request, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentQueue<RecordedRequest> Recorded { get; } = new();

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>A server answering every request with <paramref name="body"/>.</summary>
    public static Task<LoopbackServer> StartAsync(string body, CancellationToken cancellationToken) =>
        StartAsync(app => app.Run(context => context.Response.WriteAsync(body, context.RequestAborted)), cancellationToken);

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> configure, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref server._requestCount);
            var request = context.Request;
            server.Requests.Enqueue(request.Method + " " + request.Path + request.QueryString);
            server.Recorded.Enqueue(new RecordedRequest(
                request.Method,
                request.Path + request.QueryString,
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await next(context);
        });
        configure(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
