using System.Collections.Concurrent;
using Harrier.Core.Findings;
using Harrier.Engine.Checks;

namespace Harrier.Engine.Scanning;

/// <summary>Passes each finding to the sink once per scan, deduplicated by <see cref="Finding.Fingerprint"/>.</summary>
internal sealed class FindingCollector(IScanSink sink) : IFindingReporter
{
    private readonly ConcurrentDictionary<string, byte> _fingerprints = new(StringComparer.Ordinal);

    public int Count => _fingerprints.Count;

    public async ValueTask ReportAsync(Finding finding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (_fingerprints.TryAdd(finding.Fingerprint, 0))
        {
            await sink.FindingAsync(finding, cancellationToken).ConfigureAwait(false);
        }
    }
}
