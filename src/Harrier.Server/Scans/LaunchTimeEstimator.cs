using Harrier.Core.Scans;
using Harrier.Server.Hosting;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Harrier.Server.Scans;

/// <summary>
/// <c>EstimatedLaunchTime</c>: minutes until a queued scan starts — the scans queued before it and those running, shared
/// among the agents, times the average length of recent scans. Zero when an agent is free for it; null when it is not queued.
/// </summary>
internal sealed class LaunchTimeEstimator(HarrierDbContext db, IOptions<HarrierOptions> options, LaunchTimeEstimator.QueueFigures figures)
{
    private static readonly TimeSpan s_defaultScanLength = TimeSpan.FromMinutes(5);

    public async Task<Func<ScanEntity, int?>> ForAsync(IReadOnlyCollection<ScanEntity> scans, CancellationToken cancellationToken)
    {
        if (!scans.Any(s => s.State == ScanTaskState.Queued))
        {
            return _ => null;
        }

        var (running, scanLength) = await figures.GetAsync(db, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The running-scan count and the recent scan length, read at most once a second per server: they change slowly, an
    /// estimate does not need them exact, and polling clients should not pay for them on every <c>status</c>.
    /// </summary>
    internal sealed class QueueFigures(TimeProvider time)
    {
        private static readonly TimeSpan s_lifetime = TimeSpan.FromSeconds(1);
        private Snapshot? _current;

        public async Task<(int Running, TimeSpan ScanLength)> GetAsync(HarrierDbContext db, CancellationToken cancellationToken)
        {
            // Several requests may refresh at once after expiry; each reads the same figures, so no lock is needed.
            if (Volatile.Read(ref _current) is not { } current || current.Expires <= time.GetUtcNow())
            {
                // Leased scans: the LeaseExpiresAt index answers this without reading the table.
                var running = await db.Scans.AsNoTracking().CountAsync(s => s.LeaseExpiresAt != null, cancellationToken).ConfigureAwait(false);
                // Recent lengths by launch order, which the (State, InitiatedAt) index serves without reading every finished scan.
                var recent = await db.Scans.AsNoTracking().Where(s => s.State == ScanTaskState.Complete && s.FinishedAt != null)
                    .OrderByDescending(s => s.InitiatedAt).Take(20).Select(s => s.ElapsedTicksBeforeRun).ToListAsync(cancellationToken).ConfigureAwait(false);
                current = new Snapshot(running, recent.Count == 0 ? s_defaultScanLength : TimeSpan.FromTicks((long)recent.Average()), time.GetUtcNow() + s_lifetime);
                Volatile.Write(ref _current, current);
            }

            return (current.Running, current.ScanLength);
        }

        private sealed record Snapshot(int Running, TimeSpan ScanLength, DateTimeOffset Expires);
    }
}
