using System.Threading.Channels;
using Harrier.Core.Findings;
using Harrier.Core.Scans;
using Harrier.Engine.Authentication;
using Harrier.Engine.Checks;
using Harrier.Engine.Crawling;
using Harrier.Engine.Http;
using Microsoft.Extensions.Logging;

namespace Harrier.Engine.Scanning;

/// <summary>
/// One scan from start to end: reach the target, crawl, run passive checks on every response and active checks on
/// every insertion point (while crawling or after it), and report phases, progress, crawled resources and findings.
/// </summary>
internal sealed class ScanRun(ScanRequest request, IScanSink sink, ScanHttpClient client, FormLoginSession? login, OutOfBand.OutOfBandListener? outOfBand, ILogger logger) : IScanRun
{
    private readonly Channel<AttackJob> _attacks = Channel.CreateUnbounded<AttackJob>();
    private readonly FindingCollector _findings = new(sink);
    private readonly List<AttackJob> _deferred = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _activeClaims = new(StringComparer.Ordinal);
    private readonly PlantedPayloads _planted = new();
    private readonly List<ScanHttpRequest> _pagesToLookAgain = [];
    private readonly IncrementalTracker? _incremental = request.Incremental is { } incrementalBase ? new IncrementalTracker(incrementalBase) : null;
    private Crawler? _crawler;
    private long _jobsQueued;
    private long _jobsDone;
    private long _attackRequests;

    private ScanConfiguration Configuration => request.Configuration;

    private EnginePolicy Policy => request.Policy;

    public ScanProgress Snapshot()
    {
        var sent = client.RequestsSent;
        var done = Interlocked.Read(ref _jobsDone);
        var perJob = done == 0 ? 3.0 : Math.Max(1.0, (double)Interlocked.Read(ref _attackRequests) / done);
        var remaining = (_crawler?.Pending ?? 1) * (1 + perJob) + (Interlocked.Read(ref _jobsQueued) * perJob);
        return new ScanProgress(sent, sent + (long)remaining, client.CurrentConcurrency);
    }

    public ScanProgress Final() => new(client.RequestsSent, client.RequestsSent, client.CurrentConcurrency);

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        using var phases = new PhaseTracker(sink);
        var passive = new PassiveCheckRunner(CheckRegistry.Passive(Policy.EnabledCheckIds), _findings, logger);
        client.Observer = (response, ct) => passive.ObserveAsync(client, response, ct);
        await phases.AdvanceAsync(ScanTaskPhase.Crawling, cancellationToken).ConfigureAwait(false);

        var target = client.Rules.Scope.Target;
        var first = await ReachAsync(client, target, cancellationToken).ConfigureAwait(false);
        if (login is not null)
        {
            await login.LoginAsync(cancellationToken).ConfigureAwait(false);
        }
        var activeChecks = CheckRegistry.Active(Policy.EnabledCheckIds);
        var planner = new AttackPlanner(activeChecks, client, Policy.UserAgent, CheckRegistry.Resource(Policy.EnabledCheckIds));
        var limiter = new DynamicSignatureLimiter(Configuration.UrlRewrite, Configuration.MaxDynamicSignatures, Configuration.SubPathMaxDynamicSignatures);
        var crawler = new Crawler(client, new CrawlerOptions(Configuration.FindAndFollowNewLinks, Policy.MaxCrawlRequests, Policy.MaxConcurrency), limiter, logger);
        _crawler = crawler;
        crawler.PageCrawled = (page, ct) => OnPageAsync(planner, page, ct);

        var attackWorkers = Configuration.CrawlAndAttack ? StartAttackers(phases, cancellationToken) : null;
        await crawler.RunAsync(Seeds(target, first), cancellationToken).ConfigureAwait(false);
        if (attackWorkers is null)
        {
            foreach (var job in _deferred)
            {
                Enqueue(job);
            }

            _deferred.Clear();
            attackWorkers = StartAttackers(phases, cancellationToken);
        }

        _attacks.Writer.TryComplete();
        if (Interlocked.Read(ref _jobsQueued) > 0)
        {
            await phases.AdvanceAsync(ScanTaskPhase.Attacking, cancellationToken).ConfigureAwait(false);
        }

        await attackWorkers.ConfigureAwait(false);
        await LookAgainAsync(activeChecks, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (_incremental is not null)
        {
            foreach (var finding in _incremental.CarriedOver())
            {
                await _findings.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
            }
        }

        await phases.AdvanceAsync(ScanTaskPhase.Complete, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first request decides whether the target can be scanned at all; one retry for transient failures.</summary>
    internal static async Task<ScanHttpResponse> ReachAsync(ScanHttpClient client, Uri target, CancellationToken cancellationToken)
    {
        var result = await client.SendAsync(ScanHttpRequest.Get(target), cancellationToken).ConfigureAwait(false);
        if (result.Response is null && result.Error is SendError.ConnectionReset or SendError.Timeout or SendError.InvalidResponse)
        {
            result = await client.SendAsync(ScanHttpRequest.Get(target), cancellationToken).ConfigureAwait(false);
        }

        return result.Response ?? throw FailureMapper.ToFailure(target, result);
    }

    private IEnumerable<CrawlItem> Seeds(Uri target, ScanHttpResponse first)
    {
        // After a form login the target is fetched again: the first response showed the logged-out site.
        yield return new CrawlItem(first.Request, IsSeed: true, login is null ? first : null);
        foreach (var link in Configuration.ImportedLinks)
        {
            if (Uri.TryCreate(target, link, out var url) && ScanScope.IsHttp(url))
            {
                yield return new CrawlItem(ScanHttpRequest.Get(url), IsSeed: true);
            }
        }

        foreach (var site in Configuration.AdditionalWebsites)
        {
            if (Uri.TryCreate(site.TargetUrl, UriKind.Absolute, out var url) && ScanScope.IsHttp(url))
            {
                yield return new CrawlItem(ScanHttpRequest.Get(url), IsSeed: true);
            }
        }

        yield return new CrawlItem(ScanHttpRequest.Get(new Uri(target, "/robots.txt")), IsSeed: true);
        yield return new CrawlItem(ScanHttpRequest.Get(new Uri(target, "/sitemap.xml")), IsSeed: true);
    }

    private async ValueTask OnPageAsync(AttackPlanner planner, CrawledPage page, CancellationToken cancellationToken)
    {
        if (page.Request.Method == "GET" && page.Response.StatusCode is >= 200 and < 300 && page.Response.IsHtml)
        {
            lock (_pagesToLookAgain)
            {
                _pagesToLookAgain.Add(page.Request);
            }
        }

        // An incremental scan still plans unchanged pages, so that what the base scan attacked once per site
        // (headers, cookies) or once per URL template is not attacked again on another page; it only skips their jobs.
        var jobs = planner.Plan(page);
        var hash = ResponseHash.Of(page.Response);
        if (_incremental is not null && _incremental.IsUnchanged(page.Request.Method, page.Request.Url.AbsoluteUri, hash))
        {
            jobs = [];
        }

        await sink.CrawledAsync(ToResource(page, hash, jobs.Count > 0), cancellationToken).ConfigureAwait(false);
        if (Configuration.CrawlAndAttack)
        {
            foreach (var job in jobs)
            {
                Enqueue(job);
            }

            return;
        }

        lock (_deferred)
        {
            _deferred.AddRange(jobs);
        }
    }

    /// <summary>
    /// The second look, once every attack has run: checks that planted payloads (stored XSS) fetch the crawled HTML
    /// pages again within their own budget. Nothing is sent when no payload was planted.
    /// </summary>
    private async Task LookAgainAsync(IReadOnlyList<IActiveCheck> checks, CancellationToken cancellationToken)
    {
        ScanHttpRequest[] pages;
        lock (_pagesToLookAgain)
        {
            pages = [.. _pagesToLookAgain];
        }

        foreach (var check in checks.OfType<ISecondLookCheck>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var context = new SecondLookContext(client, pages, _planted, Policy.Strength, _findings);
            try
            {
                await check.LookAgainAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
            {
                EngineLog.CheckFailed(logger, check.Metadata.Id, client.Rules.Scope.Target, exception);
            }
        }
    }

    private void Enqueue(AttackJob job)
    {
        Interlocked.Increment(ref _jobsQueued);
        _attacks.Writer.TryWrite(job);
    }

    private Task StartAttackers(PhaseTracker phases, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Policy.MaxConcurrency).Select(_ => AttackAsync(phases, cancellationToken)));

    private async Task AttackAsync(PhaseTracker phases, CancellationToken cancellationToken)
    {
        await foreach (var job in _attacks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Decrement(ref _jobsQueued);
            var phase = _attacks.Reader.Completion.IsCompleted || !Configuration.CrawlAndAttack || _crawler?.Pending == 0
                ? ScanTaskPhase.Attacking
                : ScanTaskPhase.CrawlingAndAttacking;
            await phases.AdvanceAsync(phase, cancellationToken).ConfigureAwait(false);
            Func<int> requestsUsed = static () => 0;
            try
            {
                if (job.Check is IResourceCheck resource)
                {
                    var context = new ResourceCheckContext(client, job.Page.Request, job.Page.Response, Policy.Strength, _findings, key => _activeClaims.TryAdd(key, 0));
                    requestsUsed = () => context.RequestsUsed;
                    await resource.RunAsync(context, cancellationToken).ConfigureAwait(false);
                }
                else if (job is { Check: IActiveCheck active, Point: { } point })
                {
                    var context = new ActiveCheckContext(client, job.Page.Request, job.Page.Response, point, Policy.Strength, _findings, key => _activeClaims.TryAdd(key, 0), _planted, outOfBand, job.Budget);
                    requestsUsed = () => context.RequestsUsed;
                    await active.RunAsync(context, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
            {
                EngineLog.CheckFailed(logger, job.Check.Metadata.Id, job.Page.Request.Url, exception);
            }
            finally
            {
                Interlocked.Add(ref _attackRequests, requestsUsed());
                Interlocked.Increment(ref _jobsDone);
            }
        }
    }

    private static CrawledResource ToResource(CrawledPage page, string hash, bool attacked)
    {
        var response = page.Response;
        return new CrawledResource(
            page.Request.Url.AbsoluteUri,
            page.Request.Method,
            RequestSignature.ParameterNames(page.Request),
            response.StatusCode,
            response.ContentType,
            hash,
            attacked);
    }
}
