using Harrier.Core.Scheduling;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Harrier.Storage.Queue;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Scheduling;

/// <summary>
/// One scheduler round: launches every enabled schedule whose <see cref="ScheduledScanEntity.NextExecutionTime"/> has come.
/// Each launch is one transaction that first claims the run with a conditional UPDATE (<c>WHERE Id = … AND Version = …</c>)
/// and then inserts the scan, so when several servers race on one database exactly one of them launches it. After downtime
/// a schedule launches once and moves to its next future occurrence: missed runs are not replayed.
/// </summary>
internal sealed class ScheduleRunner(HarrierDbContext db, TimeProvider time)
{
    /// <summary>Launches the due schedules (at most <paramref name="batchSize"/>); returns the scans this process launched.</summary>
    public async Task<IReadOnlyList<ScanEntity>> RunDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.ScheduledScans.AsNoTracking()
            .Where(s => !s.Disabled && s.NextExecutionTime != null && s.NextExecutionTime <= now)
            .OrderBy(s => s.NextExecutionTime)
            .Take(batchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var launched = new List<ScanEntity>();
        foreach (var schedule in due)
        {
            if (await TryLaunchAsync(schedule, now, cancellationToken).ConfigureAwait(false) is { } scan)
            {
                launched.Add(scan);
            }
        }

        return launched;
    }

    /// <summary>Launches <paramref name="schedule"/> as read, or returns null when the row changed since (claimed or edited).</summary>
    internal async Task<ScanEntity?> TryLaunchAsync(ScheduledScanEntity schedule, DateTime now, CancellationToken cancellationToken)
    {
        var launches = schedule.LaunchCount + 1;
        var next = ScheduleCalculator.NextAfter(schedule.Rule, now, launches);
        var scan = NewScan(schedule, now);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var claimed = await db.ScheduledScans
                .Where(s => s.Id == schedule.Id && s.Version == schedule.Version && !s.Disabled)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.NextExecutionTime, next)
                    .SetProperty(s => s.LaunchCount, launches)
                    .SetProperty(s => s.LastLaunchedAt, now)
                    .SetProperty(s => s.LastScanId, scan.Id)
                    .SetProperty(s => s.UpdatedAt, now)
                    .SetProperty(s => s.Version, Guid.NewGuid()), cancellationToken).ConfigureAwait(false);
            if (claimed == 0)
            {
                // Another scheduler launched it, or the owner changed or disabled it since we read it.
                return null;
            }

            db.Scans.Add(scan);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return scan;
        }
    }

    private static ScanEntity NewScan(ScheduledScanEntity schedule, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        UserId = schedule.UserId,
        WebsiteId = schedule.WebsiteId,
        ScanTaskGroupId = Guid.NewGuid(),
        ScanType = schedule.ScanType,
        BaseScanId = schedule.BaseScanId,
        ScheduledScanId = schedule.Id,
        ScanProfileId = schedule.ScanProfileId,
        Configuration = schedule.Configuration,
        TargetUrl = schedule.TargetUrl,
        RequiredAgentName = AgentIdentity.RoutingKey(schedule.Configuration.AgentName),
        RequiredAgentGroupName = AgentIdentity.RoutingKey(schedule.Configuration.AgentGroupName),
        InitiatedAt = now,
    };
}
