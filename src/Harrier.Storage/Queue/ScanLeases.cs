using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Harrier.Storage.Issues;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Storage.Queue;

/// <summary>
/// The storage work queue (DESIGN §7) as leases on scan rows: agents claim queued scans in launch order, hold a lease that their heartbeat
/// renews, and give scans back when they stop. The same code runs on SQLite and PostgreSQL; only the claim's candidate query differs. Every transition is one conditional UPDATE, so two agents can never
/// hold the same scan and an API write is never overwritten (each write changes <see cref="ScanEntity.Version"/>).
/// </summary>
public sealed class ScanLeases(HarrierDbContext db, TimeProvider time)
{
    /// <summary>The PostgreSQL advisory lock key of the lease reaper ("harrier-reaper"), so one process at a time reaps.</summary>
    public const long ReaperLockKey = 0x6861_7272_6965_7201;

    /// <summary>
    /// Claims the oldest queued scan this agent may run (see <see cref="AgentIdentity"/> for routing), or returns null when
    /// there is none. The claim itself is one conditional UPDATE, the same on both providers; only finding the candidate
    /// differs: on PostgreSQL a <c>SELECT … FOR UPDATE SKIP LOCKED</c> in the claim's transaction, so concurrent claimers
    /// take different scans without waiting; on SQLite a sub-query of the UPDATE, which holds the one write lock from its
    /// start, so the candidate cannot change under it.
    /// <para>
    /// With <paramref name="maxRunningPerUser"/>, a scan whose owner already has that many scans held by agents
    /// (scanning, pausing, resuming or delayed) is not a candidate: the owner's extra scans stay Queued until one ends. On SQLite the count is
    /// part of the one UPDATE; on PostgreSQL two claimers could each count before the other commits, so the claim also takes the
    /// owner's transaction-scoped advisory lock and counts again, committed rows only, before it updates.
    /// </para>
    /// </summary>
    public async Task<ScanEntity?> TryClaimAsync(AgentIdentity agent, TimeSpan lease, CancellationToken cancellationToken, int? maxRunningPerUser = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRunningPerUser ?? 1, 1);
        var token = Guid.NewGuid();
        var max = maxRunningPerUser ?? int.MaxValue;
        int claimed;
        if (db.IsPostgres)
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var candidate = await LockCandidateOnPostgresAsync(agent, max, cancellationToken).ConfigureAwait(false);
                if (candidate is not { } id)
                {
                    return null;
                }

                if (maxRunningPerUser is not null && !await OwnerUnderLimitOnPostgresAsync(id, max, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                claimed = await ClaimAsync(db.Scans.Where(s => s.Id == id), agent, lease, token, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            var candidate = Claimable(agent)
                .Where(s => db.Scans.Count(r => r.UserId == s.UserId && r.DeletedAt == null && s_holdsAgent.Contains(r.State)) < max)
                .OrderBy(s => s.DeletedAt).ThenBy(s => s.InitiatedAt).Select(s => s.Id).Take(1); // DeletedAt first: see the queue index
            claimed = await ClaimAsync(db.Scans.Where(s => candidate.Contains(s.Id)), agent, lease, token, cancellationToken).ConfigureAwait(false);
        }

        return claimed == 0
            ? null
            : await db.Scans.AsNoTracking().FirstOrDefaultAsync(s => s.AgentId == agent.Id && s.Version == token, cancellationToken).ConfigureAwait(false);
    }

    private Task<int> ClaimAsync(IQueryable<ScanEntity> candidate, AgentIdentity agent, TimeSpan lease, Guid token, CancellationToken cancellationToken)
    {
        var now = Now;
        return candidate.Where(s => s.State == ScanTaskState.Queued && s.DeletedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.State, ScanTaskState.Scanning)
                .SetProperty(s => s.StateChangedAt, now)
                .SetProperty(s => s.StartedAt, now)
                .SetProperty(s => s.AgentId, agent.Id)
                .SetProperty(s => s.AgentName, agent.Name)
                .SetProperty(s => s.LeaseExpiresAt, now + lease)
                .SetProperty(s => s.Attempts, s => s.Attempts + 1)
                .SetProperty(s => s.Version, token), cancellationToken);
    }

    /// <summary>Queued, not deleted, and routed to nobody or to this agent (by name, process name or group).</summary>
    private IQueryable<ScanEntity> Claimable(AgentIdentity agent)
    {
        var (name, host, group) = Routing(agent);
        return db.Scans
            .Where(s => s.State == ScanTaskState.Queued && s.DeletedAt == null)
            .Where(s => s.RequiredAgentName == null || s.RequiredAgentName == name || s.RequiredAgentName == host)
            .Where(s => s.RequiredAgentGroupName == null || s.RequiredAgentGroupName == group);
    }

    /// <summary>The states in which a scan holds an agent: what <c>MaxRunningScansPerUser</c> counts.</summary>
    private static readonly ScanTaskState[] s_holdsAgent = [ScanTaskState.Scanning, ScanTaskState.Pausing, ScanTaskState.Resuming, ScanTaskState.Delayed];

    /// <summary>The first key of the per-user claim advisory locks ("Harr"); the two-key form never meets <see cref="ReaperLockKey"/>.</summary>
    private const int UserLockSpace = 0x4861_7272;

    /// <summary><see cref="Claimable"/> in SQL, locking the oldest row that no other transaction holds (PostgreSQL only).</summary>
    private async Task<Guid?> LockCandidateOnPostgresAsync(AgentIdentity agent, int maxRunningPerUser, CancellationToken cancellationToken)
    {
        var (name, host, group) = Routing(agent);
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM "Scans" AS s
            WHERE "State" = 'Queued' AND "DeletedAt" IS NULL
              AND ("RequiredAgentName" IS NULL OR "RequiredAgentName" = {name} OR "RequiredAgentName" = {host})
              AND ("RequiredAgentGroupName" IS NULL OR "RequiredAgentGroupName" = {group})
              AND (SELECT COUNT(*) FROM "Scans" AS r WHERE r."UserId" = s."UserId" AND r."DeletedAt" IS NULL
                   AND r."State" IN ('Scanning', 'Pausing', 'Resuming', 'Delayed')) < {maxRunningPerUser}
            ORDER BY "InitiatedAt"
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ids.Count == 0 ? null : ids[0];
    }

    /// <summary>
    /// Takes the candidate's owner's claim lock (held until the claim's transaction ends) and counts the owner's running scans again:
    /// every claim of that owner that committed before the lock was granted is seen.
    /// </summary>
    private async Task<bool> OwnerUnderLimitOnPostgresAsync(Guid candidate, int maxRunningPerUser, CancellationToken cancellationToken)
    {
        // Two statements: under READ COMMITTED each one sees what committed before it started, so the count must follow the lock.
        await db.Database.ExecuteSqlAsync($"""
            SELECT pg_advisory_xact_lock({UserLockSpace}, hashtext("UserId"::text)) FROM "Scans" WHERE "Id" = {candidate}
            """, cancellationToken).ConfigureAwait(false);
        var running = await db.Database.SqlQuery<int>($"""
            SELECT COUNT(*)::int AS "Value" FROM "Scans" AS r
            WHERE r."UserId" = (SELECT "UserId" FROM "Scans" WHERE "Id" = {candidate}) AND r."DeletedAt" IS NULL
              AND r."State" IN ('Scanning', 'Pausing', 'Resuming', 'Delayed')
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return running.Single() < maxRunningPerUser;
    }

    private static (string? Name, string? Host, string? Group) Routing(AgentIdentity agent)
    {
        var name = AgentIdentity.RoutingKey(agent.Name);
        return (name, AgentIdentity.RoutingKey(agent.HostName) ?? name, AgentIdentity.RoutingKey(agent.GroupName));
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

    /// <summary>
    /// Ends a scan this agent holds. A scan already cancelled by a user stays cancelled. A scan that ends Complete is applied to
    /// its website's issues in the same transaction (<see cref="IssueTracker"/>), so it is never Complete without them.
    /// </summary>
    public async Task FinishAsync(Guid scanId, AgentIdentity agent, ScanTaskState state, ScanFailureReason? reason, string? description,
        int? settledConcurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var websiteId = state == ScanTaskState.Complete
            ? await db.Scans.Where(s => s.Id == scanId).Select(s => (Guid?)s.WebsiteId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        if (websiteId is { } website)
        {
            await new IssueTracker(db, time).InWebsiteTransactionAsync(website,
                () => EndAsync(scanId, agent, state, reason, description, settledConcurrency, cancellationToken), cancellationToken).ConfigureAwait(false);
            return;
        }

        await EndAsync(scanId, agent, state, reason, description, settledConcurrency, cancellationToken).ConfigureAwait(false);
    }

    private async Task EndAsync(Guid scanId, AgentIdentity agent, ScanTaskState state, ScanFailureReason? reason, string? description,
        int? settledConcurrency, CancellationToken cancellationToken)
    {
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

    /// <summary>
    /// Requeues scans whose agent stopped renewing its lease (killed, machine gone); after <paramref name="maxAttempts"/> claims they fail.
    /// Every row changes through a conditional UPDATE, so running it twice at once is harmless; <see cref="TryReapExpiredAsync"/> also
    /// makes sure only one process does it at a time.
    /// </summary>
    public Task<int> RequeueExpiredAsync(int maxAttempts, CancellationToken cancellationToken)
    {
        var now = Now;
        return RequeueAsync(db.Scans.Where(s => s.AgentId != null && s.LeaseExpiresAt != null && s.LeaseExpiresAt < now), maxAttempts, cancellationToken);
    }

    /// <summary>
    /// The lease reaper's turn: <see cref="RequeueExpiredAsync"/> when this process holds the reaper lock, or null when another
    /// process is reaping right now. On PostgreSQL the lock is the transaction-scoped advisory lock <see cref="ReaperLockKey"/>
    /// (<c>pg_try_advisory_xact_lock</c>), so with several servers and agents exactly one acts per round; SQLite has one process.
    /// </summary>
    public async Task<int?> TryReapExpiredAsync(int maxAttempts, CancellationToken cancellationToken)
    {
        if (!db.IsPostgres)
        {
            return await RequeueExpiredAsync(maxAttempts, cancellationToken).ConfigureAwait(false);
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({ReaperLockKey}) AS \"Value\"")
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (!locked.Single())
            {
                return null;
            }

            var count = await RequeueExpiredAsync(maxAttempts, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
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
