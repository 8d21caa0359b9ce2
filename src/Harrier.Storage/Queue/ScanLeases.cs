using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Storage.Queue;

/// <summary>
/// The storage work queue (DESIGN §7) as leases on scan rows: agents claim queued scans in launch order, hold a lease that their heartbeat
/// renews, and give scans back when they stop. Every transition is one conditional UPDATE, so two agents can never
/// hold the same scan and an API write is never overwritten (each write changes <see cref="ScanEntity.Version"/>).
/// </summary>
public sealed class ScanLeases(HarrierDbContext db, TimeProvider time)
{
    private const int ClaimRaces = 5;

    /// <summary>Claims the oldest queued scan, or returns null when there is none.</summary>
    public async Task<ScanEntity?> TryClaimAsync(AgentIdentity agent, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        for (var race = 0; race < ClaimRaces; race++)
        {
            var candidate = await db.Scans.AsNoTracking()
                .Where(s => s.State == ScanTaskState.Queued && s.DeletedAt == null)
                .OrderBy(s => s.InitiatedAt).Select(s => (Guid?)s.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (candidate is not { } id)
            {
                return null;
            }

            var now = Now;
            var claimed = await db.Scans
                .Where(s => s.Id == id && s.State == ScanTaskState.Queued && s.DeletedAt == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.State, ScanTaskState.Scanning)
                    .SetProperty(s => s.StateChangedAt, now)
                    .SetProperty(s => s.StartedAt, now)
                    .SetProperty(s => s.AgentId, agent.Id)
                    .SetProperty(s => s.AgentName, agent.Name)
                    .SetProperty(s => s.LeaseExpiresAt, now + lease)
                    .SetProperty(s => s.Attempts, s => s.Attempts + 1)
                    .SetProperty(s => s.Version, Guid.NewGuid()), cancellationToken).ConfigureAwait(false);
            if (claimed == 1)
            {
                return await db.Scans.AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>Renews the lease and answers the scan's current state, or null when this agent no longer holds it.</summary>
    public async Task<ScanTaskState?> HeartbeatAsync(Guid scanId, AgentIdentity agent, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var until = Now + lease;
        var renewed = await db.Scans.Where(s => s.Id == scanId && s.AgentId == agent.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseExpiresAt, until), cancellationToken).ConfigureAwait(false);
        if (renewed == 0)
        {
            return null;
        }

        var row = await db.Scans.AsNoTracking().Where(s => s.Id == scanId)
            .Select(s => new { s.State, s.DeletedAt }).FirstAsync(cancellationToken).ConfigureAwait(false);
        return row.DeletedAt is null ? row.State : ScanTaskState.Cancelled;
    }

    /// <summary>The state of a scan this agent holds (deleted counts as cancelled), or null when it no longer holds it.</summary>
    public async Task<ScanTaskState?> ReadStateAsync(Guid scanId, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var row = await db.Scans.AsNoTracking().Where(s => s.Id == scanId && s.AgentId == agent.Id)
            .Select(s => new { s.State, s.DeletedAt }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : row.DeletedAt is null ? row.State : ScanTaskState.Cancelled;
    }

    /// <summary>
    /// Moves a scan this agent holds from <paramref name="from"/> to <paramref name="to"/> (pause and resume
    /// acknowledgements, time-window delays). False when the state changed meanwhile.
    /// </summary>
    public async Task<bool> TransitionAsync(Guid scanId, AgentIdentity agent, ScanTaskState from, ScanTaskState to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var now = Now;
        var running = to is ScanTaskState.Scanning;
        var stopping = from is ScanTaskState.Scanning or ScanTaskState.Pausing or ScanTaskState.Resuming && !running;
        var changed = await db.Scans.Where(s => s.Id == scanId && s.AgentId == agent.Id && s.State == from)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.State, to)
                .SetProperty(s => s.StateChangedAt, now)
                .SetProperty(s => s.ElapsedTicksBeforeRun, s => stopping && s.StartedAt != null
                    ? s.ElapsedTicksBeforeRun + (now.Ticks - s.StartedAt.Value.Ticks) : s.ElapsedTicksBeforeRun)
                .SetProperty(s => s.StartedAt, s => running ? now : s.StartedAt)
                .SetProperty(s => s.Version, Guid.NewGuid()), cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    /// <summary>Ends a scan this agent holds. A scan already cancelled by a user stays cancelled.</summary>
    public async Task FinishAsync(Guid scanId, AgentIdentity agent, ScanTaskState state, ScanFailureReason? reason, string? description,
        int? settledConcurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var now = Now;
        await db.Scans.Where(s => s.Id == scanId && s.AgentId == agent.Id && s.State != ScanTaskState.Cancelled && s.State != ScanTaskState.Failed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.State, state)
                .SetProperty(s => s.Phase, s => state == ScanTaskState.Complete ? ScanTaskPhase.Complete : s.Phase)
                .SetProperty(s => s.FailureReason, reason)
                .SetProperty(s => s.FailureDescription, description)
                .SetProperty(s => s.StateChangedAt, now)
                .SetProperty(s => s.FinishedAt, now)
                .SetProperty(s => s.ElapsedTicksBeforeRun, s => s.StartedAt != null && s.State != ScanTaskState.Paused && s.State != ScanTaskState.Delayed
                    ? s.ElapsedTicksBeforeRun + (now.Ticks - s.StartedAt.Value.Ticks) : s.ElapsedTicksBeforeRun)
                .SetProperty(s => s.SettledConcurrency, settledConcurrency)
                .SetProperty(s => s.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(s => s.Version, Guid.NewGuid()), cancellationToken).ConfigureAwait(false);
        // A user's cancel arrived first: record when the agent actually stopped.
        await db.Scans.Where(s => s.Id == scanId && s.AgentId == agent.Id && s.State == ScanTaskState.Cancelled)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseExpiresAt, (DateTime?)null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives a scan back when its agent stops (shutdown): running scans are queued again at once, paused ones stay paused.</summary>
    public Task ReleaseAsync(Guid scanId, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return RequeueAsync(db.Scans.Where(s => s.Id == scanId && s.AgentId == agent.Id), maxAttempts: int.MaxValue, cancellationToken);
    }

    /// <summary>Requeues scans whose agent stopped renewing its lease (killed, machine gone); after <paramref name="maxAttempts"/> claims they fail.</summary>
    public Task<int> RequeueExpiredAsync(int maxAttempts, CancellationToken cancellationToken)
    {
        var now = Now;
        return RequeueAsync(db.Scans.Where(s => s.AgentId != null && s.LeaseExpiresAt != null && s.LeaseExpiresAt < now), maxAttempts, cancellationToken);
    }

    /// <summary>Requeues every scan an agent of this identity held: used when that agent restarts after a crash.</summary>
    public Task<int> RequeueHeldByAsync(AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return RequeueAsync(db.Scans.Where(s => s.AgentId == agent.Id), maxAttempts: int.MaxValue, cancellationToken);
    }

    private async Task<int> RequeueAsync(IQueryable<ScanEntity> held, int maxAttempts, CancellationToken cancellationToken)
    {
        var now = Now;
        var active = held.Where(s => s.State == ScanTaskState.Scanning || s.State == ScanTaskState.Pausing
            || s.State == ScanTaskState.Resuming || s.State == ScanTaskState.Delayed);
        var failed = await active.Where(s => s.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.State, ScanTaskState.Failed)
                .SetProperty(s => s.FailureReason, ScanFailureReason.AgentNotAvailable)
                .SetProperty(s => s.FailureDescription, "The agents running this scan stopped responding too many times.")
                .SetProperty(s => s.StateChangedAt, now)
                .SetProperty(s => s.FinishedAt, now)
                .SetProperty(s => s.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(s => s.Version, Guid.NewGuid()), cancellationToken).ConfigureAwait(false);
        var requeued = await active.Where(s => s.Attempts < maxAttempts)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.State, ScanTaskState.Queued)
                .SetProperty(s => s.Phase, ScanTaskPhase.Pending)
                .SetProperty(s => s.StateChangedAt, now)
                .SetProperty(s => s.ElapsedTicksBeforeRun, s => s.StartedAt != null && s.State != ScanTaskState.Delayed
                    ? s.ElapsedTicksBeforeRun + (now.Ticks - s.StartedAt.Value.Ticks) : s.ElapsedTicksBeforeRun)
                .SetProperty(s => s.AgentId, (Guid?)null)
                .SetProperty(s => s.AgentName, (string?)null)
                .SetProperty(s => s.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(s => s.Version, Guid.NewGuid()), cancellationToken).ConfigureAwait(false);
        // Paused scans keep their state without an agent; resuming one queues it again.
        await held.Where(s => s.State == ScanTaskState.Paused)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.AgentId, (Guid?)null)
                .SetProperty(s => s.AgentName, (string?)null)
                .SetProperty(s => s.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(s => s.Version, Guid.NewGuid()), cancellationToken).ConfigureAwait(false);
        return failed + requeued;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
