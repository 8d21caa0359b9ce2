using Harrier.Core.Findings;

namespace Harrier.Engine.Checks;

/// <summary>Where checks put findings; the scan deduplicates them by fingerprint.</summary>
internal interface IFindingReporter
{
    ValueTask ReportAsync(Finding finding, CancellationToken cancellationToken);
}
