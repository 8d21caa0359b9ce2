namespace Harrier.Engine;

/// <summary>How a scan ended.</summary>
public enum ScanOutcomeKind
{
    Completed,
    StoppedAtMaxDuration,
    Failed,
    Cancelled,
}
