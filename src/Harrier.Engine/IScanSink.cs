using Harrier.Core.Findings;
using Harrier.Core.Scans;

namespace Harrier.Engine;

/// <summary>Receives what a running scan produces. The Agent persists it; calls may come concurrently.</summary>
public interface IScanSink
{
    ValueTask PhaseChangedAsync(ScanTaskPhase phase, CancellationToken cancellationToken);

    /// <summary>About once a second, and once at the end.</summary>
    ValueTask ProgressAsync(ScanProgress progress, CancellationToken cancellationToken);

    /// <summary>Each finding once per scan (deduplicated by <see cref="Finding.Fingerprint"/>).</summary>
    ValueTask FindingAsync(Finding finding, CancellationToken cancellationToken);

    ValueTask CrawledAsync(CrawledResource resource, CancellationToken cancellationToken);
}
