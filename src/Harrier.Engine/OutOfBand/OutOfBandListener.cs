using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Harrier.Engine.OutOfBand;

/// <summary>
/// A small HTTP server, one per scan, that hands checks unique token URLs and records the requests that reach them
/// (a target fetching a URL it was given, resolving an external entity, including a remote file). A token may carry
/// a body to serve (the RFI payload). Kestrel is driven directly, without a host, so no configuration file or
/// environment variable of the process can change where it listens.
/// </summary>
internal sealed class OutOfBandListener : IAsyncDisposable
{
    private const int MaxBodyChars = 16 * 1024;
    private readonly KestrelServer _server;
    private readonly ServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Registration> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<OutOfBandCallback> _callbacks = new();

    private OutOfBandListener(KestrelServer server, ServiceProvider services, TimeProvider time, TimeSpan callbackWait)
    {
        _server = server;
        _services = services;
        _time = time;
        CallbackWait = callbackWait;
    }

    /// <summary>The base URL token URLs are built on (the public base URL when configured).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The address and port actually bound.</summary>
    public Uri BoundUrl { get; private set; } = null!;

    /// <summary>How long a check waits for a callback it has not seen yet.</summary>
    public TimeSpan CallbackWait { get; }

    /// <summary>Every recorded callback, in arrival order.</summary>
    public IReadOnlyCollection<OutOfBandCallback> Callbacks => _callbacks;

    public static async Task<OutOfBandListener> StartAsync(OutOfBandOptions options, TimeProvider time, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var kestrel = new KestrelServerOptions { ApplicationServices = services, AddServerHeader = false };
        kestrel.Limits.MaxRequestBodySize = 64 * 1024;
        kestrel.Listen(IPAddress.Parse(options.BindAddress), options.Port);
        var server = new KestrelServer(Options.Create(kestrel), new Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.SocketTransportFactory(
            Options.Create(new Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.SocketTransportOptions()), loggerFactory ?? NullLoggerFactory.Instance), loggerFactory ?? NullLoggerFactory.Instance);
        var listener = new OutOfBandListener(server, services, time, options.CallbackWait);
        try
        {
            await server.StartAsync(new Application(listener), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await listener.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.BoundUrl = new Uri(address.TrimEnd('/') + "/");
        listener.BaseUrl = options.PublicBaseUrl is { } publicUrl
            ? new Uri(publicUrl.AbsoluteUri.TrimEnd('/') + "/")
            : listener.BoundUrl;
        return listener;
    }

    /// <summary>A new token whose URL answers 200 with <paramref name="body"/> (default: a short text naming the token).</summary>
    public OutOfBandToken NewToken(string? body = null, string contentType = "text/plain; charset=utf-8")
    {
        var token = Checks.ActiveCheckContext.NewToken();
        _tokens[token] = new Registration(body ?? "harrier out-of-band " + token, contentType);
        return new OutOfBandToken(token, new Uri(BaseUrl, token));
    }

    /// <summary>The first callback for any of <paramref name="tokens"/>, waiting at most <paramref name="timeout"/>; null when none came.</summary>
    public async Task<OutOfBandCallback?> WaitForAnyAsync(IEnumerable<OutOfBandToken> tokens, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var waits = tokens.Select(t => _tokens.TryGetValue(t.Token, out var registration) ? registration.Callback.Task : null).OfType<Task<OutOfBandCallback>>().ToList();
        if (waits.Count == 0)
        {
            return null;
        }

        if (waits.FirstOrDefault(w => w.IsCompleted) is { } done)
        {
            return await done.ConfigureAwait(false);
        }

        try
        {
            var first = await Task.WhenAny(waits).WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
            return await first.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A target still sending a callback must not hold up the end of the scan: in-flight requests get 2 s.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
        try
        {
            await _server.StopAsync(stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            _server.Dispose();
            await _services.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var token = path.TrimStart('/').Split('/', 2)[0];
        if (!_tokens.TryGetValue(token, out var registration))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Recorded before answering: a target that fetches synchronously has called back by the time its own response arrives.
        var callback = new OutOfBandCallback(
            token, _time.GetUtcNow(), context.Connection.RemoteIpAddress?.ToString() ?? "", context.Request.Method,
            path.Length > 2048 ? path[..2048] : path);
        _callbacks.Enqueue(callback);
        registration.Callback.TrySetResult(callback);
        context.Response.ContentType = registration.ContentType;
        var body = Encoding.UTF8.GetBytes(registration.Body.Length > MaxBodyChars ? registration.Body[..MaxBodyChars] : registration.Body);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private sealed record Registration(string Body, string ContentType)
    {
        public TaskCompletionSource<OutOfBandCallback> Callback { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The bridge from Kestrel's feature collections to <see cref="HandleAsync"/>.</summary>
    private sealed class Application(OutOfBandListener listener) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context) => listener.HandleAsync(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }
}
