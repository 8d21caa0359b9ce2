using Harrier.Core.Scans;
using Harrier.Engine.Authentication;
using Harrier.Engine.Http;
using Harrier.Engine.OutOfBand;
using Harrier.Engine.Scanning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harrier.Engine;

/// <summary>
/// Runs scans. One instance can run many scans concurrently; each scan gets its own HTTP handler, cookie jar,
/// concurrency limiter and findings. The result says how the scan ended; everything found was already given to the sink.
/// </summary>
public sealed class ScanEngine(TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
{
    private const int MaxDurationHoursCap = 24 * 40;
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ScanEngine>();

    /// <summary>The out-of-band listener each scan starts (SSRF, XXE, RFI). Default: on, 127.0.0.1, a free port.</summary>
    public OutOfBandOptions OutOfBand { get; init; } = new();

    /// <summary>Builds each scan's primary handler; tests replace it.</summary>
    internal Func<EnginePolicy, HttpMessageHandler> HandlerFactory { get; init; } = ScannerHandlerFactory.Create;

    public async Task<ScanOutcome> RunAsync(ScanRequest request, IScanSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(request.Configuration);
        ArgumentNullException.ThrowIfNull(request.PauseGate);
        ArgumentNullException.ThrowIfNull(request.RevealSecret);
        request.Policy.Validate();
        var configuration = request.Configuration;
        if (!Uri.TryCreate(configuration.TargetUrl, UriKind.Absolute, out var target) || !ScanScope.IsHttp(target))
        {
            return new ScanOutcome(ScanOutcomeKind.Failed, ScanFailureReason.ErrorOccurredOnPreScanValidation,
                "The target URL must be an absolute http or https URL.", 0, 0);
        }

        EngineLog.ScanStarted(_logger, request.ScanId, target.AbsoluteUri);
        using var maxDuration = MaxDurationSource(configuration);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, maxDuration.Token);
        using var client = CreateClient(request);
        using var login = request.Configuration.Authentication.Form is { } form
            ? new FormLoginSession(form, request.RevealSecret(form.Password), client, _logger)
            : null;
        client.SessionGuard = login;
        await using var outOfBand = await StartOutOfBandAsync(request).ConfigureAwait(false);
        IScanRun run = request.Retest is { } retest
            ? new RetestRun(request, retest, sink, client, login, outOfBand, _logger)
            : new ScanRun(request, sink, client, login, outOfBand, _logger);
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
        var progress = ProgressReporter.RunAsync(sink, timeProvider, run.Snapshot, progressStop.Token);
        ScanOutcome outcome;
        try
        {
            await run.ExecuteAsync(linked.Token).ConfigureAwait(false);
            outcome = Outcome(ScanOutcomeKind.Completed, client);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = Outcome(ScanOutcomeKind.Cancelled, client);
        }
        catch (OperationCanceledException) when (maxDuration.IsCancellationRequested)
        {
            outcome = Outcome(ScanOutcomeKind.StoppedAtMaxDuration, client);
        }
        catch (ScanFailedException failure)
        {
            EngineLog.ScanFailed(_logger, request.ScanId, failure.Reason);
            outcome = Outcome(ScanOutcomeKind.Failed, client) with { FailureReason = failure.Reason, FailureDescription = failure.Message };
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // A bug in the engine or a failing sink ends this scan, not the agent running it.
            EngineLog.ScanCrashed(_logger, request.ScanId, exception);
            outcome = Outcome(ScanOutcomeKind.Failed, client) with
            {
                FailureReason = ScanFailureReason.ErrorOccurredOnScanFailed,
                FailureDescription = "The scan stopped on an internal error (" + exception.GetType().Name + ").",
            };
        }
        finally
        {
            await progressStop.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
        }

        if (outcome.Kind != ScanOutcomeKind.Cancelled)
        {
            if (outcome.Kind == ScanOutcomeKind.StoppedAtMaxDuration)
            {
                await sink.PhaseChangedAsync(ScanTaskPhase.Complete, cancellationToken).ConfigureAwait(false);
            }

            await sink.ProgressAsync(run.Final(), cancellationToken).ConfigureAwait(false);
        }

        EngineLog.ScanEnded(_logger, request.ScanId, outcome.Kind, outcome.RequestsSent, outcome.SettledConcurrency);
        return outcome;
    }

    /// <summary>The scan's listener, or null when disabled, no check needs it, or it cannot bind (the scan goes on without it).</summary>
    private async Task<OutOfBandListener?> StartOutOfBandAsync(ScanRequest request)
    {
        if (!OutOfBand.Enabled || !Checks.CheckRegistry.Active(request.Policy.EnabledCheckIds).Any(c => c is Checks.IOutOfBandCheck))
        {
            return null;
        }

        try
        {
            // Not cancellable: binding is immediate, and a cancelled scan must still end through the outcome path below.
            var listener = await OutOfBandListener.StartAsync(OutOfBand, timeProvider, loggerFactory, CancellationToken.None).ConfigureAwait(false);
            EngineLog.OutOfBandStarted(_logger, request.ScanId, listener.BoundUrl.AbsoluteUri, listener.BaseUrl.AbsoluteUri);
            return listener;
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or InvalidOperationException or System.ComponentModel.DataAnnotations.ValidationException)
        {
            EngineLog.OutOfBandFailed(_logger, request.ScanId, exception);
            return null;
        }
    }

    private static ScanOutcome Outcome(ScanOutcomeKind kind, ScanHttpClient client) =>
        new(kind, null, null, client.CurrentConcurrency, client.RequestsSent);

    private CancellationTokenSource MaxDurationSource(ScanConfiguration configuration)
    {
        var hours = configuration.MaxScanDuration;
        return hours > 0
            ? new CancellationTokenSource(TimeSpan.FromHours(Math.Min(hours, MaxDurationHoursCap)), timeProvider)
            : new CancellationTokenSource();
    }

    private ScanHttpClient CreateClient(ScanRequest request)
    {
        var configuration = request.Configuration;
        var formLogout = configuration.Authentication.Form is null ? [] : ScanConfiguration.DefaultExcludedLinks.Take(1);
        var rules = RequestRules.From(configuration, formLogout);
        var cookies = new CookieJar();
        cookies.Seed(configuration.Cookies, [rules.Scope.Target, .. configuration.AdditionalWebsites
            .Select(s => Uri.TryCreate(s.TargetUrl, UriKind.Absolute, out var u) ? u : null).OfType<Uri>()]);
        var credentials = TargetCredentials.From(configuration.Authentication, request.RevealSecret);
        var settings = new ScanHttpClientSettings(request.Policy, rules, request.PauseGate, cookies, credentials);
        return new ScanHttpClient(settings, HandlerFactory(request.Policy), timeProvider, _logger);
    }
}
