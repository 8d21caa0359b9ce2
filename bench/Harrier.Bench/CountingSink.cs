using System.Diagnostics;
using System.Globalization;
using Harrier.Core.Findings;
using Harrier.Core.Scans;
using Harrier.Engine;

namespace Harrier.Bench;

/// <summary>A sink that only counts: the engine-alone runs measure the engine, not storage.</summary>
internal sealed class CountingSink : IScanSink
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _timeline = [];
    private long _crawled;
    private long _findings;

    /// <summary>The engine's ~1/s progress: <c>seconds:requests:concurrency</c> entries, to show the concurrency ramp.</summary>
    public string Timeline
    {
        get
        {
            lock (_timeline)
            {
                return string.Join(' ', _timeline);
            }
        }
    }

    public long Crawled => Interlocked.Read(ref _crawled);

    public long Findings => Interlocked.Read(ref _findings);

    public ValueTask PhaseChangedAsync(ScanTaskPhase phase, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ProgressAsync(ScanProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_timeline)
        {
            _timeline.Add(string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds:F1}s:{progress.CompletedSteps}:{progress.CurrentConcurrency}"));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask FindingAsync(Finding finding, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _findings);
        return ValueTask.CompletedTask;
    }

    public ValueTask CrawledAsync(CrawledResource resource, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _crawled);
        return ValueTask.CompletedTask;
    }
}
