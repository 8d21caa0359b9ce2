using System.Net;
using Harrier.TestTargets.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Harrier.TestTargets;

/// <summary>
/// A running deliberately vulnerable web app on real loopback Kestrel (127.0.0.1 only).
/// Start one with <see cref="StartAsync(TestTargetOptions, CancellationToken)"/>; dispose it to stop it.
/// </summary>
public sealed class TestTargetServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TargetState _state;
    private int _disposed;

    private TestTargetServer(WebApplication app, TargetState state, Uri baseUrl)
    {
        _app = app;
        _state = state;
        BaseUrl = baseUrl;
    }

    /// <summary>The root URL of the app, e.g. <c>http://127.0.0.1:54321/</c> (always with a trailing slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The options this instance runs with.</summary>
    public TestTargetOptions Options => _state.Options;

    /// <summary>How many requests reached the <c>/outside/</c> area (outside the <c>/app/</c> scope).</summary>
    public long OutsideRequestCount => _state.OutsideRequestCount;

    /// <summary>
    /// Ends every login session server-side, as if the target restarted or the sessions expired: signed-in pages
    /// redirect to the login form until the client signs in again.
    /// </summary>
    public void EndAllSessions() => _state.Sessions.Clear();

    /// <summary>Starts a target with default options on a free loopback port.</summary>
    public static Task<TestTargetServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(new TestTargetOptions(), cancellationToken);

    /// <summary>Starts a target on 127.0.0.1 and returns once it accepts connections.</summary>
    public static async Task<TestTargetServer> StartAsync(TestTargetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var state = new TargetState(options);
        var app = TargetApp.Build(state);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.First();
            var baseUrl = new Uri(address.EndsWith('/') ? address : address + "/", UriKind.Absolute);
            if (!IPAddress.TryParse(baseUrl.Host, out var ip) || !IPAddress.IsLoopback(ip))
            {
                throw new InvalidOperationException($"The test target must bind loopback only, not {address}.");
            }

            return new TestTargetServer(app, state, baseUrl);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Resolves a path (and query) against <see cref="BaseUrl"/>, e.g. <c>GetUrl("/vuln/xss/html?q=1")</c>.</summary>
    public Uri GetUrl(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        return new Uri(BaseUrl, pathAndQuery);
    }

    /// <summary>Completes when the host shuts down (Ctrl+C in the standalone program).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
