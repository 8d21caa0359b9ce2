namespace Harrier.Core.Scans;

/// <summary>Outcome of cancel, pause and resume. Member names are the wire names; never rely on ordinals.</summary>
public enum ScanControlResult
{
    Ok,
    ScanNotFound,
    ScanCompleted,
    ScanNotRunning,
    ScanNotPaused,
    ScanCancelled,
    ScanFailed,
    ScanQueued,
}
