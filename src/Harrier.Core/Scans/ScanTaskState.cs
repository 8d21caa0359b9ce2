namespace Harrier.Core.Scans;

/// <summary>The lifecycle state of a scan (Invicti <c>ScanTaskState</c>). Member names are the wire names; never rely on ordinals.</summary>
public enum ScanTaskState
{
    Queued,
    Scanning,
    Archiving,
    Complete,
    Failed,
    Cancelled,
    Delayed,
    Pausing,
    Paused,
    Resuming,
    AsyncArchiving,
}
