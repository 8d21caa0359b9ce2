using Harrier.Core.Scans;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Engine.Tests;

public sealed class ScanEngineTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<LoopbackServer> StartVulnerableSiteAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/", () => Html("<a href='/search?q=shoes'>search</a><a href='/item?id=1'>item</a><a href='/safe?q=1'>safe</a>" +
            "<form action='/contact' method='post'><input name='email' type='email'><textarea name='msg'></textarea><button>Send</button></form>"));
        app.MapGet("/search", (string? q) => Html("<p>Results for " + q + "</p>"));
        app.MapGet("/item", (string? id) => id is not null && id.Contains('\'', StringComparison.Ordinal)
            ? Results.Content("SQLITE_ERROR: near \"'\": syntax error", "text/html", statusCode: 500)
            : Html("<p>Item</p>"));
        app.MapGet("/safe", (string? q) => Html("<p>" + System.Net.WebUtility.HtmlEncode(q) + "</p>"));
        app.MapPost("/contact", () => Html("<p>Thanks</p>"));
    }, Token);

    [Fact]
    public async Task Run_FindsReferenceVulnerabilities_AndNothingOnSafeTwin()
    {
        // Arrange
        await using var site = await StartVulnerableSiteAsync();
        var sink = new RecordingSink();

        // Act
        var outcome = await Scans.RunAsync(Scans.Configuration(site.BaseUri), sink);

        // Assert
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(site.RequestCount, outcome.RequestsSent);
        Assert.InRange(outcome.SettledConcurrency, 1, Scans.FastPolicy.MaxConcurrency);
        var findings = sink.Findings.ToList();
        Assert.Contains(findings, f => f.Type == "Xss" && f.Parameter == "q" && f.Url.Contains("/search", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Type == "ConfirmedSqlInjection" && f.Parameter == "id" && f.Url.Contains("/item", StringComparison.Ordinal));
        Assert.Single(findings, f => f.Type == "MissingXFrameOptionsHeader");
        Assert.DoesNotContain(findings, f => f.Url.Contains("/safe", StringComparison.Ordinal));
        Assert.Equal(findings.Count, findings.Select(f => f.Fingerprint).Distinct().Count());
        Assert.Contains(sink.Crawled, c => c.Method == "POST" && c.Url.EndsWith("/contact", StringComparison.Ordinal) && c.ParameterNames.SequenceEqual(["email", "msg"]));
        Assert.Equal(ScanTaskPhase.Crawling, sink.Phases.First());
        Assert.Equal(ScanTaskPhase.Complete, sink.Phases.Last());
        Assert.Equal(sink.Phases.Order(), sink.Phases);
        Assert.Equal(outcome.RequestsSent, sink.Progress.Last().CompletedSteps);
    }

    [Fact]
    public async Task Run_CrawlThenAttack_ReportsCrawlingThenAttacking()
    {
        await using var site = await StartVulnerableSiteAsync();
        var sink = new RecordingSink();

        var outcome = await Scans.RunAsync(Scans.Configuration(site.BaseUri) with { CrawlAndAttack = false }, sink);

        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Equal([ScanTaskPhase.Crawling, ScanTaskPhase.Attacking, ScanTaskPhase.Complete], sink.Phases);
        Assert.Contains(sink.Findings, f => f.Type == "Xss");
    }

    [Fact]
    public async Task Run_MisbehavingTarget_StillCompletes()
    {
        // Arrange: binary, null bytes, unknown charset, a huge page, resets, errors and a redirect loop.
        await using var site = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Html("<a href='/bin?x=1'>b</a><a href='/nul?x=1'>n</a><a href='/charset?x=1'>c</a><a href='/huge?x=1'>h</a>" +
                "<a href='/reset?x=1'>r</a><a href='/boom?x=1'>e</a><a href='/loop?x=1'>l</a><a href='/search?q=1'>s</a>"));
            app.MapGet("/bin", () => Results.Bytes([.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))], "text/html"));
            app.MapGet("/nul", (string? x) => Results.Content("<p>\0\0" + x + "\0</p>", "text/html"));
            app.MapGet("/charset", () => Results.Bytes("<p>\u00e9</p>"u8.ToArray(), "text/html; charset=x-unknown-42"));
            app.MapGet("/huge", () => Results.Text(new string('<', 5_000_000), "text/html"));
            app.MapGet("/reset", (HttpContext context) => { context.Abort(); return Task.CompletedTask; });
            app.MapGet("/boom", () => Results.StatusCode(500));
            app.MapGet("/loop", (string? x) => Results.Redirect("/loop?x=" + x + "1"));
            app.MapGet("/search", (string? q) => Html("<p>" + q + "</p>"));
        }, Token);
        var sink = new RecordingSink();

        // Act
        var outcome = await Scans.RunAsync(Scans.Configuration(site.BaseUri), sink, Scans.FastPolicy with { MaxResponseBytes = 64 * 1024 });

        // Assert
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Contains(sink.Findings, f => f.Type == "Xss" && f.Url.Contains("/search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_RefusedPort_FailsAsTargetNotReachable()
    {
        // Arrange: start and stop a server so its port is free and refuses connections.
        Uri closed;
        await using (var server = await LoopbackServer.StartAsync(_ => { }, Token))
        {
            closed = server.BaseUri;
        }

        var sink = new RecordingSink();

        // Act
        var outcome = await Scans.RunAsync(Scans.Configuration(closed), sink);

        // Assert
        Assert.Equal(ScanOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(ScanFailureReason.ScanTargetNotReachable, outcome.FailureReason);
        Assert.Contains(closed.Authority, outcome.FailureDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Cancelled_EndsPromptly()
    {
        // Arrange: a page that never answers keeps the scan busy.
        var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var site = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Html("<a href='/slow'>slow</a>"));
            app.MapGet("/slow", async (CancellationToken ct) =>
            {
                hanging.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return "never";
            });
        }, Token);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var engine = new ScanEngine(TimeProvider.System);

        // Act
        var running = engine.RunAsync(Scans.Request(Scans.Configuration(site.BaseUri), Scans.FastPolicy with { RequestTimeout = TimeSpan.FromMinutes(5) }), new RecordingSink(), cts.Token);
        await hanging.Task.WaitAsync(Token);
        await cts.CancelAsync();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(2), Token);

        // Assert
        Assert.Equal(ScanOutcomeKind.Cancelled, outcome.Kind);
    }

    [Fact]
    public async Task Run_PastMaxDuration_StopsWithWhatItFound()
    {
        // Arrange: time is fake; the scan is held (in the sink, after crawling /slow) while two hours pass.
        var time = new FakeTimeProvider();
        var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var site = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Html("<a href='/slow'>slow</a>"));
            app.MapGet("/slow", () => Html("slow"));
        }, Token);
        var sink = new RecordingSink
        {
            OnCrawled = async (resource, ct) =>
            {
                if (resource.Url.EndsWith("/slow", StringComparison.Ordinal))
                {
                    hanging.TrySetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                }
            },
        };
        var engine = new ScanEngine(time);

        // Act
        var running = engine.RunAsync(Scans.Request(Scans.Configuration(site.BaseUri) with { MaxScanDuration = 1 }), sink, Token);
        await hanging.Task.WaitAsync(Token);
        time.Advance(TimeSpan.FromHours(2));
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(5), Token);

        // Assert
        Assert.Equal(ScanOutcomeKind.StoppedAtMaxDuration, outcome.Kind);
        Assert.Contains(sink.Findings, f => f.Type == "MissingXFrameOptionsHeader");
        Assert.Equal(ScanTaskPhase.Complete, sink.Phases.Last());
    }

    [Fact]
    public async Task Run_Paused_SendsNothingUntilResumed()
    {
        // Arrange: the gate is closed before the scan starts and signals when the send path waits on it.
        await using var site = await StartVulnerableSiteAsync();
        var gate = new SignallingGate();
        gate.Inner.Pause();
        var sink = new RecordingSink();
        var engine = new ScanEngine(TimeProvider.System);

        // Act
        var running = engine.RunAsync(Scans.Request(Scans.Configuration(site.BaseUri), gate: gate), sink, Token);
        await gate.Waiting.Task.WaitAsync(Token);
        var countWhilePaused = site.RequestCount;
        gate.Inner.Resume();
        var outcome = await running.WaitAsync(Token);

        // Assert
        Assert.Equal(0, countWhilePaused);
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Contains(sink.Findings, f => f.Type == "Xss");
    }

    private sealed class SignallingGate : IPauseGate
    {
        public PauseGate Inner { get; } = new();

        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask WaitWhilePausedAsync(CancellationToken cancellationToken)
        {
            if (Inner.IsPaused)
            {
                Waiting.TrySetResult();
            }

            return Inner.WaitWhilePausedAsync(cancellationToken);
        }
    }

    private static IResult Html(string body) => Results.Content("<html><body>" + body + "</body></html>", "text/html; charset=utf-8");
}
