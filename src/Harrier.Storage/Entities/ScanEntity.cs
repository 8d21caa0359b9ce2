using Harrier.Core.Scans;

namespace Harrier.Storage.Entities;

/// <summary>
/// A scan: who launched it, against which website, its lifecycle and progress, the agent lease, and
/// its whole launch <see cref="Configuration"/> as one immutable value.
/// </summary>
public sealed class ScanEntity
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public Guid WebsiteId { get; set; }

    public Guid ScanTaskGroupId { get; set; }

    public ScanType ScanType { get; set; } = ScanType.Full;

    public Guid? BaseScanId { get; set; }

    public Guid? ScheduledScanId { get; set; }

    public Guid? ScanProfileId { get; set; }

    public required ScanConfiguration Configuration { get; set; }

    /// <summary><see cref="ScanConfiguration.TargetUrl"/> again, as a column the list filters can query.</summary>
    public required string TargetUrl { get; set; }

    /// <summary>CI metadata as the Invicti <c>VcsCommitInfo</c> JSON, when a CI plugin launched the scan.</summary>
    public string? VcsCommitInfoJson { get; set; }

    public ScanTaskState State { get; set; } = ScanTaskState.Queued;

    public ScanTaskPhase Phase { get; set; } = ScanTaskPhase.Pending;

    /// <summary>Set when <c>pause-active-scans</c> paused this scan, so <c>resume-paused-scans</c> resumes exactly those.</summary>
    public bool PausedByBulkRequest { get; set; }

    public DateTime InitiatedAt { get; set; }

    public DateTime? StateChangedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>When the issue tracker applied this completed scan to the website's issues; null until then.</summary>
    public DateTime? IssuesAppliedAt { get; set; }

    /// <summary>Time spent scanning before the current run (pauses and restarts excluded).</summary>
    public long ElapsedTicksBeforeRun { get; set; }

    public DateTime? DeletedAt { get; set; }

    public int CompletedSteps { get; set; }

    public int EstimatedSteps { get; set; }

    public int CriticalCount { get; set; }

    public int HighCount { get; set; }

    public int MediumCount { get; set; }

    public int LowCount { get; set; }

    public int InfoCount { get; set; }

    public int BestPracticeCount { get; set; }

    public ScanFailureReason? FailureReason { get; set; }

    public string? FailureDescription { get; set; }

    /// <summary>Only the agent of this name (slot or process name) may claim the scan: the launch's <c>AgentName</c>.</summary>
    public string? RequiredAgentName { get; set; }

    /// <summary>Only an agent of this group may claim the scan: the launch's <c>AgentGroupName</c>.</summary>
    public string? RequiredAgentGroupName { get; set; }

    public Guid? AgentId { get; set; }

    public string? AgentName { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>How many times an agent claimed the scan; bounded, then the scan fails with AgentNotAvailable.</summary>
    public int Attempts { get; set; }

    public int? SettledConcurrency { get; set; }

    /// <summary>Optimistic concurrency token: changed on every write, so an API call and an agent never overwrite each other.</summary>
    public Guid Version { get; set; }
}
