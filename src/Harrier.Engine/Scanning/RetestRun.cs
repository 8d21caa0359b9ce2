using System.Collections.Concurrent;
using Harrier.Core.Findings;
using Harrier.Core.Scans;
using Harrier.Engine.Authentication;
using Harrier.Engine.Checks;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;
using Microsoft.Extensions.Logging;

namespace Harrier.Engine.Scanning;

/// <summary>
/// A retest: no crawl. For each base finding, re-run its check on exactly its request: an active check on the same
/// URL, method and insertion point (within the usual budget), a passive check on a fresh fetch of the page. Only
/// findings with a base fingerprint are reported, so the result is the subset of the base findings that reproduce.
/// One step of progress per base finding.
/// </summary>
internal sealed class RetestRun(ScanRequest request, RetestPlan plan, IScanSink sink, ScanHttpClient client, FormLoginSession? login, OutOfBand.OutOfBandListener? outOfBand, ILogger logger)
    : IScanRun
{
    private readonly FindingCollector _findings = new(sink);
    private readonly ConcurrentDictionary<string, byte> _claims = new(StringComparer.Ordinal);
    private readonly PlantedPayloads _planted = new();
    private long _done;

    public ScanProgress Snapshot() => new(Interlocked.Read(ref _done), plan.Findings.Count, client.CurrentConcurrency);

    public ScanProgress Final() => Snapshot();

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        using var phases = new PhaseTracker(sink);
        if (plan.Findings.Count > 0)
        {
            // Nothing to retest sends nothing at all; otherwise the target must answer and the login work as in a scan.
            await ScanRun.ReachAsync(client, client.Rules.Scope.Target, cancellationToken).ConfigureAwait(false);
            if (login is not null)
            {
                await login.LoginAsync(cancellationToken).ConfigureAwait(false);
            }

            await phases.AdvanceAsync(ScanTaskPhase.Attacking, cancellationToken).ConfigureAwait(false);
            var reporter = new BaseFingerprintFilter(plan.Findings.Select(f => f.Fingerprint), _findings);
            var options = new ParallelOptions { MaxDegreeOfParallelism = request.Policy.MaxConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(plan.Findings, options, async (finding, ct) =>
            {
                await RetestAsync(finding, reporter, ct).ConfigureAwait(false);
                Interlocked.Increment(ref _done);
            }).ConfigureAwait(false);
            await LookAgainAsync(reporter, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await phases.AdvanceAsync(ScanTaskPhase.Complete, cancellationToken).ConfigureAwait(false);
    }

    private async Task RetestAsync(Finding finding, IFindingReporter reporter, CancellationToken cancellationToken)
    {
        var enabled = request.Policy.EnabledCheckIds;
        var check = CheckRegistry.All.FirstOrDefault(c => c.Metadata.Id == finding.CheckId && (enabled is null || enabled.Contains(c.Metadata.Id)));
        try
        {
            switch (check)
            {
                case IActiveCheck active:
                    await RetestActiveAsync(active, finding, reporter, cancellationToken).ConfigureAwait(false);
                    break;
                case IPassiveCheck passive:
                    await RetestPassiveAsync(passive, finding, reporter, cancellationToken).ConfigureAwait(false);
                    break;
                case IResourceCheck resource:
                    await RetestResourceAsync(resource, finding, reporter, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    EngineLog.RetestCheckUnavailable(logger, finding.Fingerprint, finding.CheckId);
                    break;
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            var url = Uri.TryCreate(finding.Url, UriKind.Absolute, out var parsed) ? parsed : client.Rules.Scope.Target;
            EngineLog.CheckFailed(logger, finding.CheckId, url, exception);
        }
    }

    private async Task RetestActiveAsync(IActiveCheck check, Finding finding, IFindingReporter reporter, CancellationToken cancellationToken)
    {
        var jar = Uri.TryCreate(finding.Url, UriKind.Absolute, out var url) ? client.Cookies.For(url) : [];
        var options = new InsertionPointOptions(PathSegments: true, Headers: true, JarCookies: jar, DefaultUserAgent: request.Policy.UserAgent);
        if (RetestRequest.Active(finding, options) is not var (original, point))
        {
            return;
        }

        var context = new ActiveCheckContext(client, original, null, point, request.Policy.Strength, reporter, key => _claims.TryAdd(key, 0), _planted, outOfBand);
        await check.RunAsync(context, cancellationToken).ConfigureAwait(false);
    }

    private async Task RetestPassiveAsync(IPassiveCheck check, Finding finding, IFindingReporter reporter, CancellationToken cancellationToken)
    {
        if (RetestRequest.Passive(finding) is not { } page)
        {
            return;
        }

        var result = await client.SendAsync(page, cancellationToken).ConfigureAwait(false);
        if (result.Response is { } response)
        {
            // A fresh claim store: "once per site" keys must not stop the one check this finding is about.
            var runner = new PassiveCheckRunner([check], reporter, logger);
            await runner.ObserveAsync(client, response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stored findings show on another page than the one that planted them: as in a scan, the checks that planted
    /// something look again — here at the pages of the base findings, since a retest does not crawl.
    /// </summary>
    private async Task LookAgainAsync(IFindingReporter reporter, CancellationToken cancellationToken)
    {
        ScanHttpRequest[] pages = [.. plan.Findings
            .Select(f => Uri.TryCreate(f.Url, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Path) : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).Select(url => ScanHttpRequest.Get(new Uri(url)))];
        var enabled = request.Policy.EnabledCheckIds;
        foreach (var check in CheckRegistry.All.OfType<ISecondLookCheck>().Where(c => enabled is null || enabled.Contains(c.Metadata.Id)))
        {
            await check.LookAgainAsync(new SecondLookContext(client, pages, _planted, request.Policy.Strength, reporter), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RetestResourceAsync(IResourceCheck check, Finding finding, IFindingReporter reporter, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(finding.Url, UriKind.Absolute, out var found))
        {
            return;
        }

        foreach (var page in check.PagesProbing(found))
        {
            var result = await client.SendAsync(ScanHttpRequest.Get(page), cancellationToken).ConfigureAwait(false);
            if (result.Response is { } response)
            {
                // Own claims per page: the folder or site claims of one page must not stop the probe from the next.
                var claims = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
                var context = new ResourceCheckContext(client, ScanHttpRequest.Get(page), response, request.Policy.Strength, reporter, key => claims.TryAdd(key, 0));
                await check.RunAsync(context, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Passes on only findings the base scan had: a retest confirms or clears issues, it does not find new ones.</summary>
    private sealed class BaseFingerprintFilter(IEnumerable<string> fingerprints, IFindingReporter inner) : IFindingReporter
    {
        private readonly HashSet<string> _fingerprints = new(fingerprints, StringComparer.Ordinal);

        public ValueTask ReportAsync(Finding finding, CancellationToken cancellationToken) =>
            _fingerprints.Contains(finding.Fingerprint) ? inner.ReportAsync(finding, cancellationToken) : ValueTask.CompletedTask;
    }
}
