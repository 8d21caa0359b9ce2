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

        var running = await db.Scans.AsNoTracking().CountAsync(s => s.AgentId != null && s.LeaseExpiresAt != null, cancellationToken).ConfigureAwait(false);
        // Recent lengths by launch order, which the (State, InitiatedAt) index serves without reading every finished scan.
        var recent = await db.Scans.AsNoTracking().Where(s => s.State == ScanTaskState.Complete && s.FinishedAt != null)
            .OrderByDescending(s => s.InitiatedAt).Take(20).Select(s => s.ElapsedTicksBeforeRun).ToListAsync(cancellationToken).ConfigureAwait(false);
        var scanLength = recent.Count == 0 ? s_defaultScanLength : TimeSpan.FromTicks((long)recent.Average());
        var agents = Math.Max(options.Value.Agents, 1);
        var ahead = new Dictionary<Guid, int>();
        foreach (var scan in scans.Where(s => s.State == ScanTaskState.Queued))
        {
            // Not itself: PostgreSQL keeps microseconds, so a scan not yet read back sorts after its stored copy.
            ahead[scan.Id] = await db.Scans.AsNoTracking()
                .CountAsync(q => q.State == ScanTaskState.Queued && q.InitiatedAt < scan.InitiatedAt && q.Id != scan.Id && q.DeletedAt == null, cancellationToken)
                .ConfigureAwait(false);
        }

        return scan =>
        {
            if (!ahead.TryGetValue(scan.Id, out var queuedAhead))
            {
                return null;
            }

            var rounds = (queuedAhead + running) / agents;
            return (int)Math.Ceiling(rounds * scanLength.TotalMinutes);
        };
    }
}
