using Harrier.Core.Scans;

namespace Harrier.Engine;

/// <summary>Ends a scan as Failed with an Invicti failure reason and a human description.</summary>
internal sealed class ScanFailedException(ScanFailureReason reason, string description) : Exception(description)
{
    public ScanFailureReason Reason { get; } = reason;
}
