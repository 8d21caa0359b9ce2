using Harrier.Core.Scans;
using Harrier.Core.Scheduling;

namespace Harrier.Storage.Entities;

/// <summary>
/// A scheduled scan: whose it is, what it launches (the whole launch <see cref="Configuration"/>, captured when saved),
/// when (<see cref="Rule"/>, and <see cref="NextExecutionTime"/> in UTC), and what it launched so far. The scheduler claims a
/// due run by a conditional update on <see cref="Version"/>, so each occurrence launches once even with several servers.
/// </summary>
public sealed class ScheduledScanEntity
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public Guid WebsiteId { get; set; }

    public required string Name { get; set; }

    /// <summary><see cref="ScanType.Full"/>, or <see cref="ScanType.Incremental"/> for <c>schedule-incremental</c>.</summary>
    public ScanType ScanType { get; set; } = ScanType.Full;

    public required ScanConfiguration Configuration { get; set; }

    /// <summary><see cref="ScanConfiguration.TargetUrl"/> again, as a column.</summary>
    public required string TargetUrl { get; set; }

    /// <summary>The scan profile of <c>schedulewithprofile</c>; set on every scan it launches.</summary>
    public Guid? ScanProfileId { get; set; }

    /// <summary>The base scan of <c>schedule-incremental</c>.</summary>
    public Guid? BaseScanId { get; set; }

    public required ScheduleRule Rule { get; set; }

    /// <summary>The next run (UTC); null once the schedule has ended (one-off done, end date or occurrence limit reached).</summary>
    public DateTime? NextExecutionTime { get; set; }

    /// <summary>Kept but never run while set.</summary>
    public bool Disabled { get; set; }

    public int LaunchCount { get; set; }

    public DateTime? LastLaunchedAt { get; set; }

    public Guid? LastScanId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token: changed on every write (the scheduler's claim and API updates alike).</summary>
    public Guid Version { get; set; }
}
