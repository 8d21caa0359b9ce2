using Harrier.Core.Scans;
using Harrier.Server.Hosting;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Harrier.Server.Scans;

/// <summary>
/// <c>EstimatedLaunchTime</c>: minutes until a queued scan starts — the scans queued before it, shared among the
/// agents, times the average length of recent scans. Zero when an agent is free for it; null when it is not queued.
/// </summary>
internal sealed class LaunchTimeEstimator(HarrierDbContext db, IOptions<HarrierOptions> options)
{
    private static readonly TimeSpan s_defaultScanLength = TimeSpan.FromMinutes(5);

    public async Task<Func<ScanEntity, int?>> ForAsync(IReadOnlyCollection<ScanEntity> scans, CancellationToken cancellationToken)
    {
        if (!scans.Any(s => s.State == ScanTaskState.Queued))
        {
            return _ => null;
        }

        var queued = await db.Scans.AsNoTracking().Where(s => s.State == ScanTaskState.Queued && s.DeletedAt == null)
            .Select(s => new { s.Id, s.InitiatedAt }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var running = await db.Scans.AsNoTracking().CountAsync(s => s.AgentId != null && s.LeaseExpiresAt != null, cancellationToken).ConfigureAwait(false);
        var recent = await db.Scans.AsNoTracking().Where(s => s.State == ScanTaskState.Complete && s.FinishedAt != null)
            .OrderByDescending(s => s.FinishedAt).Take(20).Select(s => s.ElapsedTicksBeforeRun).ToListAsync(cancellationToken).ConfigureAwait(false);
        var scanLength = recent.Count == 0 ? s_defaultScanLength : TimeSpan.FromTicks((long)recent.Average());
        var agents = Math.Max(options.Value.Agents, 1);
        return scan =>
        {
            if (scan.State != ScanTaskState.Queued)
            {
                return null;
            }

            // Not itself: PostgreSQL keeps microseconds, so a scan not yet read back sorts after its stored copy.
            var ahead = queued.Count(q => q.Id != scan.Id && q.InitiatedAt < scan.InitiatedAt) + running;
            var rounds = ahead / agents;
            return (int)Math.Ceiling(rounds * scanLength.TotalMinutes);
        };
    }
}
