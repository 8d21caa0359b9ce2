using System.Collections.Concurrent;
using Harrier.Core.Findings;
using Harrier.Core.Scans;

namespace Harrier.Engine.Tests.Infrastructure;

/// <summary>Keeps everything a scan reports.</summary>
public sealed class RecordingSink : IScanSink
{
    public ConcurrentQueue<ScanTaskPhase> Phases { get; } = new();

    public ConcurrentQueue<ScanProgress> Progress { get; } = new();

    public ConcurrentQueue<Finding> Findings { get; } = new();

    public ConcurrentQueue<CrawledResource> Crawled { get; } = new();

    public Func<CrawledResource, CancellationToken, ValueTask>? OnCrawled { get; set; }

    public ValueTask PhaseChangedAsync(ScanTaskPhase phase, CancellationToken cancellationToken)
    {
        Phases.Enqueue(phase);
        return ValueTask.CompletedTask;
    }

    public ValueTask ProgressAsync(ScanProgress progress, CancellationToken cancellationToken)
    {
        Progress.Enqueue(progress);
        return ValueTask.CompletedTask;
    }

    public ValueTask FindingAsync(Finding finding, CancellationToken cancellationToken)
    {
        Findings.Enqueue(finding);
        return ValueTask.CompletedTask;
    }

    public ValueTask CrawledAsync(CrawledResource resource, CancellationToken cancellationToken)
    {
        Crawled.Enqueue(resource);
        return OnCrawled?.Invoke(resource, cancellationToken) ?? ValueTask.CompletedTask;
    }
}
