using Harrier.Core.Scans;

namespace Harrier.Engine;

/// <summary>The end of a scan: its kind, why it failed (if it did), the concurrency the target settled on and the requests sent.</summary>
public sealed record ScanOutcome(
    ScanOutcomeKind Kind,
    ScanFailureReason? FailureReason,
    string? FailureDescription,
    int SettledConcurrency,
    long RequestsSent);
