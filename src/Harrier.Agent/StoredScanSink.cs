using Harrier.Core.Findings;
using Harrier.Core.Scans;
using Harrier.Engine;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Agent;

/// <summary>
/// Persists what a running scan produces as it comes, so a crash loses nothing already found. Findings are unique
/// per scan by fingerprint (a restarted scan never stores one twice) and bump the scan's severity counters; crawled
/// resources are written in batches. One database context per scan, used by one call at a time.
/// </summary>
internal sealed class StoredScanSink(HarrierDbContext db, ScanEntity scan, TimeProvider time) : IScanSink, IAsyncDisposable
{
    private const int CrawledBatchSize = 250;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<CrawledResourceEntity> _crawled = [];

    public ValueTask PhaseChangedAsync(ScanTaskPhase phase, CancellationToken cancellationToken) =>
        WriteAsync(() => db.Scans.Where(s => s.Id == scan.Id && s.State != ScanTaskState.Cancelled)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Phase, phase), cancellationToken), cancellationToken);

    public ValueTask ProgressAsync(ScanProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var completed = (int)Math.Min(progress.CompletedSteps, int.MaxValue);
        var estimated = (int)Math.Min(Math.Max(progress.EstimatedSteps, progress.CompletedSteps), int.MaxValue);
        return WriteAsync(async () =>
        {
            await FlushCrawledAsync(cancellationToken).ConfigureAwait(false);
            return await db.Scans.Where(s => s.Id == scan.Id)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.CompletedSteps, completed)
                    .SetProperty(s => s.EstimatedSteps, estimated)
                    .SetProperty(s => s.SettledConcurrency, progress.CurrentConcurrency), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public ValueTask FindingAsync(Finding finding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return WriteAsync(async () =>
        {
            var fingerprint = finding.Fingerprint;
            if (await db.Vulnerabilities.AnyAsync(v => v.ScanId == scan.Id && v.Fingerprint == fingerprint, cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            db.Vulnerabilities.Add(ToEntity(finding, fingerprint));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return await IncrementCountAsync(finding.Severity, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public ValueTask CrawledAsync(CrawledResource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return WriteAsync(async () =>
        {
            _crawled.Add(new CrawledResourceEntity
            {
                ScanId = scan.Id,
                Url = resource.Url,
                Method = resource.Method,
                ParameterNames = [.. resource.ParameterNames],
                StatusCode = resource.StatusCode,
                ContentType = resource.ContentType,
                ResponseHash = resource.ResponseHash,
                Attacked = resource.Attacked,
            });
            return _crawled.Count >= CrawledBatchSize ? await FlushCrawledAsync(cancellationToken).ConfigureAwait(false) : 0;
        }, cancellationToken);
    }

    /// <summary>Writes what is still buffered; called once the engine has returned.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken) =>
        await WriteAsync(() => FlushCrawledAsync(cancellationToken), cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask WriteAsync(Func<Task<int>> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await write().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> FlushCrawledAsync(CancellationToken cancellationToken)
    {
        if (_crawled.Count == 0)
        {
            return 0;
        }

        db.CrawledResources.AddRange(_crawled);
        var written = await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        _crawled.Clear();
        db.ChangeTracker.Clear();
        return written;
    }

    private Task<int> IncrementCountAsync(Severity severity, CancellationToken cancellationToken)
    {
        var scans = db.Scans.Where(s => s.Id == scan.Id);
        return severity switch
        {
            Severity.Critical => scans.ExecuteUpdateAsync(set => set.SetProperty(s => s.CriticalCount, s => s.CriticalCount + 1), cancellationToken),
            Severity.High => scans.ExecuteUpdateAsync(set => set.SetProperty(s => s.HighCount, s => s.HighCount + 1), cancellationToken),
            Severity.Medium => scans.ExecuteUpdateAsync(set => set.SetProperty(s => s.MediumCount, s => s.MediumCount + 1), cancellationToken),
            Severity.Low => scans.ExecuteUpdateAsync(set => set.SetProperty(s => s.LowCount, s => s.LowCount + 1), cancellationToken),
            Severity.Information => scans.ExecuteUpdateAsync(set => set.SetProperty(s => s.InfoCount, s => s.InfoCount + 1), cancellationToken),
            _ => scans.ExecuteUpdateAsync(set => set.SetProperty(s => s.BestPracticeCount, s => s.BestPracticeCount + 1), cancellationToken),
        };
    }

    private VulnerabilityEntity ToEntity(Finding finding, string fingerprint) => new()
    {
        Id = Guid.NewGuid(),
        ScanId = scan.Id,
        WebsiteId = scan.WebsiteId,
        CheckId = finding.CheckId,
        Type = finding.Type,
        Title = finding.Title,
        Severity = finding.Severity,
        IsConfirmed = finding.IsConfirmed,
        Certainty = finding.Certainty,
        Url = finding.Url,
        Method = finding.Method,
        Parameter = finding.Parameter,
        ParameterLocation = finding.ParameterLocation,
        Payload = finding.Payload,
        RawRequest = finding.Evidence?.RawRequest,
        RawResponse = finding.Evidence?.RawResponse,
        Proof = finding.Evidence?.Proof,
        Cwe = finding.Classification.Cwe,
        OwaspTopTen2021 = finding.Classification.OwaspTopTen2021,
        Wasc = finding.Classification.Wasc,
        Capec = finding.Classification.Capec,
        Fingerprint = fingerprint,
        FoundAt = time.GetUtcNow().UtcDateTime,
    };
}
