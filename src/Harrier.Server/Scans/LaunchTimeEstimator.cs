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

    /// <summary>
    /// How many scans ahead are counted at most. Counting walks the queue index entry by entry, and every launch's answer and
    /// every <c>status</c> poll of a queued scan counts; a queue of tens of thousands cost launches a third of their rate.
    /// Beyond this many the estimate no longer grows: it is then days away either way.
    /// </summary>
    public const int MaxCountedAhead = 1_000;

    /// <summary>
    /// A scan with the number of scans it waits behind when queued (up to <see cref="MaxCountedAhead"/>): queued before it,
    /// not deleted. Both times are read from the database (PostgreSQL keeps microseconds, .NET ticks), so a scan never counts
    /// itself. Compiled, one round trip, and counted on the (State, DeletedAt, InitiatedAt) index alone: <c>status</c>
    /// polling runs it on every request.
    /// </summary>
    private static readonly Func<HarrierDbContext, Guid, Guid, CancellationToken, Task<QueuePlace?>> s_place = EF.CompileAsyncQuery(
        (HarrierDbContext db, Guid scanId, Guid userId, CancellationToken _) => db.Scans
            .Where(x => x.Id == scanId && x.UserId == userId)
            .Select(x => new QueuePlace(x.State, x.CompletedSteps, x.EstimatedSteps, x.State != ScanTaskState.Queued ? 0
                : db.Scans.Where(q => q.State == ScanTaskState.Queued && q.DeletedAt == null && q.InitiatedAt < x.InitiatedAt).Take(MaxCountedAhead).Count()))
            .FirstOrDefault());

    /// <summary>A scan's progress and, when queued, its launch estimate; null when the user has no such scan.</summary>
    public async Task<(QueuePlace Place, int? Minutes)?> ProgressAsync(Guid scanId, Guid userId, CancellationToken cancellationToken)
    {
        if (await s_place(db, scanId, userId, cancellationToken).ConfigureAwait(false) is not { } place)
        {
            return null;
        }

        return (place, place.State == ScanTaskState.Queued ? await MinutesAsync(place.QueuedAhead, cancellationToken).ConfigureAwait(false) : null);
    }

    public async Task<Func<ScanEntity, int?>> ForAsync(IReadOnlyCollection<ScanEntity> scans, CancellationToken cancellationToken)
    {
        var minutes = new Dictionary<Guid, int>();
        foreach (var scan in scans.Where(s => s.State == ScanTaskState.Queued))
        {
            var place = await s_place(db, scan.Id, scan.UserId, cancellationToken).ConfigureAwait(false);
            minutes[scan.Id] = await MinutesAsync(place?.QueuedAhead ?? 0, cancellationToken).ConfigureAwait(false);
        }

        return scan => minutes.TryGetValue(scan.Id, out var m) ? m : null;
    }

    private async Task<int> MinutesAsync(int queuedAhead, CancellationToken cancellationToken)
    {
        var (running, scanLength) = await figures.GetAsync(db, cancellationToken).ConfigureAwait(false);
        var rounds = (queuedAhead + running) / Math.Max(options.Value.Agents, 1);
        return (int)Math.Ceiling(rounds * scanLength.TotalMinutes);
    }

    internal sealed record QueuePlace(ScanTaskState State, int CompletedSteps, int EstimatedSteps, int QueuedAhead);

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
                // Recent lengths by launch order, which the (State, DeletedAt, InitiatedAt) index serves without reading every
                // finished scan (DeletedAt first: see that index).
                var recent = await db.Scans.AsNoTracking().Where(s => s.State == ScanTaskState.Complete && s.DeletedAt == null && s.FinishedAt != null)
                    .OrderByDescending(s => s.DeletedAt).ThenByDescending(s => s.InitiatedAt).Take(20).Select(s => s.ElapsedTicksBeforeRun).ToListAsync(cancellationToken).ConfigureAwait(false);
                current = new Snapshot(running, recent.Count == 0 ? s_defaultScanLength : TimeSpan.FromTicks((long)recent.Average()), time.GetUtcNow() + s_lifetime);
                Volatile.Write(ref _current, current);
            }

            return (current.Running, current.ScanLength);
        }

        private sealed record Snapshot(int Running, TimeSpan ScanLength, DateTimeOffset Expires);
    }
}
