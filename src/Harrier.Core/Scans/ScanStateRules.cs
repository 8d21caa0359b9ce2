namespace Harrier.Core.Scans;

/// <summary>
/// The rules of the scan lifecycle (DESIGN §5): which control requests a state accepts, the state they lead to,
/// and the result string the API answers with.
/// </summary>
public static class ScanStateRules
{
    public static bool IsTerminal(ScanTaskState state) =>
        state is ScanTaskState.Complete or ScanTaskState.Failed or ScanTaskState.Cancelled;

    /// <summary>States in which an agent owns the scan or is about to; such scans cannot be deleted.</summary>
    public static bool IsOngoing(ScanTaskState state) => !IsTerminal(state) && state != ScanTaskState.Queued && state != ScanTaskState.Delayed;

    public static (ScanControlResult Result, ScanTaskState? NewState) Cancel(ScanTaskState state) => state switch
    {
        ScanTaskState.Complete or ScanTaskState.Archiving or ScanTaskState.AsyncArchiving => (ScanControlResult.ScanCompleted, null),
        ScanTaskState.Cancelled => (ScanControlResult.ScanCancelled, null),
        ScanTaskState.Failed => (ScanControlResult.ScanFailed, null),
        _ => (ScanControlResult.Ok, ScanTaskState.Cancelled),
    };

    public static (ScanControlResult Result, ScanTaskState? NewState) Pause(ScanTaskState state) => state switch
    {
        ScanTaskState.Scanning or ScanTaskState.Resuming => (ScanControlResult.Ok, ScanTaskState.Pausing),
        ScanTaskState.Queued => (ScanControlResult.ScanQueued, null),
        _ => (TerminalResult(state) ?? ScanControlResult.ScanNotRunning, null),
    };

    public static (ScanControlResult Result, ScanTaskState? NewState) Resume(ScanTaskState state) => state switch
    {
        ScanTaskState.Paused or ScanTaskState.Pausing => (ScanControlResult.Ok, ScanTaskState.Resuming),
        ScanTaskState.Queued => (ScanControlResult.ScanQueued, null),
        _ => (TerminalResult(state) ?? ScanControlResult.ScanNotPaused, null),
    };

    private static ScanControlResult? TerminalResult(ScanTaskState state) => state switch
    {
        ScanTaskState.Complete or ScanTaskState.Archiving or ScanTaskState.AsyncArchiving => ScanControlResult.ScanCompleted,
        ScanTaskState.Cancelled => ScanControlResult.ScanCancelled,
        ScanTaskState.Failed => ScanControlResult.ScanFailed,
        _ => null,
    };

    /// <summary>Threat level from the worst finding (Invicti: Critical → Critical, High → Insecure, Medium/Low → NeedsAttention).</summary>
    public static ThreatLevel ThreatLevelFor(SeverityCounts counts, bool hasRun) =>
        !hasRun ? ThreatLevel.Unknown
        : counts.Critical > 0 ? ThreatLevel.Critical
        : counts.High > 0 ? ThreatLevel.Insecure
        : counts.Medium > 0 || counts.Low > 0 ? ThreatLevel.NeedsAttention
        : ThreatLevel.Secure;
}
