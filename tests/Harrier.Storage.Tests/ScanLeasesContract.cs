using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Harrier.Storage.Queue;
using Harrier.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Storage.Tests;

/// <summary>
/// The storage contract (DESIGN §7, STYLE "Storage tests"): what the work queue, the agent registry and the model promise,
/// run unchanged on every provider by the subclasses below.
/// </summary>
public abstract class ScanLeasesContract(TestDatabases databases)
{
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(Seed.Start);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AgentIdentity Agent(string name, string? host = null, string? group = null) =>
        new(Guid.NewGuid(), name) { HostName = host, GroupName = group };

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Claim_TakesTheOldestQueuedScan_AndSkipsDeletedAndRunningOnes()
    {
        await using var database = await databases.CreateAsync(Ct);
        var deleted = Seed.Scan(Now.AddMinutes(-10));
        deleted.DeletedAt = Now;
        var running = Seed.Scan(Now.AddMinutes(-9));
        running.State = ScanTaskState.Scanning;
        var oldest = Seed.Scan(Now.AddMinutes(-5));
        var newest = Seed.Scan(Now.AddMinutes(-1));
        await AddAsync(database, deleted, running, newest, oldest);
        var agent = Agent("a-1");

        await using var db = database.NewContext();
        var leases = new ScanLeases(db, _time);
        var first = await leases.TryClaimAsync(agent, s_lease, Ct);
        var second = await leases.TryClaimAsync(agent, s_lease, Ct);
        var none = await leases.TryClaimAsync(agent, s_lease, Ct);

        Assert.Equal(oldest.Id, first!.Id);
        Assert.Equal(newest.Id, second!.Id);
        Assert.Null(none);
        Assert.Equal(ScanTaskState.Scanning, first.State);
        Assert.Equal(agent.Id, first.AgentId);
        Assert.Equal("a-1", first.AgentName);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(Now + s_lease, first.LeaseExpiresAt);
        Assert.Equal(Now, first.StartedAt);
        Assert.Equal(["a", "b"], first.Configuration.Tags);
    }

    [Fact]
    public async Task Claim_ByManyAgentsAtOnce_ClaimsEveryScanExactlyOnce()
    {
        await using var database = await databases.CreateAsync(Ct);
        var scans = Enumerable.Range(0, 50).Select(i => Seed.Scan(Now.AddSeconds(-100 + i))).ToArray();
        await AddAsync(database, scans);

        var claimers = Enumerable.Range(1, 8).Select(n => Task.Run(async () =>
        {
            var agent = Agent("claimer-" + n);
            var claimed = new List<Guid>();
            await using var db = database.NewContext();
            var leases = new ScanLeases(db, _time);
            while (await leases.TryClaimAsync(agent, s_lease, Ct) is { } scan)
            {
                Assert.Equal(agent.Id, scan.AgentId);
                claimed.Add(scan.Id);
            }

            return claimed;
        }, Ct)).ToArray();
        var claims = (await Task.WhenAll(claimers)).SelectMany(c => c).ToList();

        Assert.Equal(50, claims.Count);
        Assert.Equal(scans.Select(s => s.Id).Order(), claims.Order());
        await using var check = database.NewContext();
        Assert.True(await check.Scans.AllAsync(s => s.State == ScanTaskState.Scanning && s.Attempts == 1 && s.AgentId != null, Ct));
    }

    [Fact]
    public async Task Claim_WithAPerUserLimit_LeavesTheUsersExtraScansQueued_UntilOneEnds()
    {
        await using var database = await databases.CreateAsync(Ct);
        var owner = Guid.NewGuid();
        var mine = Enumerable.Range(0, 3).Select(i => Seed.Scan(Now.AddMinutes(-10 + i))).ToArray();
        Array.ForEach(mine, s => s.UserId = owner);
        var other = Seed.Scan(Now.AddMinutes(-1));
        await AddAsync(database, [.. mine, other]);
        await using var db = database.NewContext();
        var leases = new ScanLeases(db, _time);
        var agents = Enumerable.Range(1, 4).Select(i => Agent("slot-" + i)).ToArray();

        var first = await leases.TryClaimAsync(agents[0], s_lease, Ct, maxRunningPerUser: 2);
        var second = await leases.TryClaimAsync(agents[1], s_lease, Ct, maxRunningPerUser: 2);
        var third = await leases.TryClaimAsync(agents[2], s_lease, Ct, maxRunningPerUser: 2);
        var atLimit = await leases.TryClaimAsync(agents[3], s_lease, Ct, maxRunningPerUser: 2);
        await leases.FinishAsync(first!.Id, agents[0], ScanTaskState.Complete, null, null, null, Ct);
        var afterEnd = await leases.TryClaimAsync(agents[3], s_lease, Ct, maxRunningPerUser: 2);

        Assert.Equal([mine[0].Id, mine[1].Id, other.Id], new[] { first.Id, second!.Id, third!.Id });
        Assert.Null(atLimit);
        Assert.Equal(mine[2].Id, afterEnd!.Id);
    }

    [Fact]
    public async Task Claim_WithAPerUserLimit_ByManyAgentsAtOnce_NeverRunsMoreThanTheLimitPerUser()
    {
        await using var database = await databases.CreateAsync(Ct);
        var owners = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var scans = Enumerable.Range(0, 30).Select(i => Seed.Scan(Now.AddSeconds(-100 + i))).ToArray();
        for (var i = 0; i < scans.Length; i++)
        {
            scans[i].UserId = owners[i % owners.Length];
        }

        await AddAsync(database, scans);

        var claimers = Enumerable.Range(1, 8).Select(n => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            var leases = new ScanLeases(db, _time);
            var agent = Agent("claimer-" + n);
            var claimed = 0;
            while (await leases.TryClaimAsync(agent, s_lease, Ct, maxRunningPerUser: 2) is not null)
            {
                claimed++;
                agent = Agent("claimer-" + n + "-" + claimed);
            }

            return claimed;
        }, Ct)).ToArray();
        var claims = (await Task.WhenAll(claimers)).Sum();
        // A PostgreSQL claimer that lost the owner's lock race answers null although other owners may still have room: top up alone.
        await using (var db = database.NewContext())
        {
            while (await new ScanLeases(db, _time).TryClaimAsync(Agent("top-up-" + claims), s_lease, Ct, maxRunningPerUser: 2) is not null)
            {
                claims++;
            }
        }

        await using var check = database.NewContext();
        var running = await check.Scans.Where(s => s.State == ScanTaskState.Scanning).GroupBy(s => s.UserId)
            .Select(g => new { User = g.Key, Count = g.Count() }).ToListAsync(Ct);
        Assert.Equal(6, claims);
        Assert.Equal(owners.Order(), running.Select(r => r.User).Order());
        Assert.All(running, r => Assert.Equal(2, r.Count));
    }

    [Fact]
    public async Task Claim_RoutedScan_GoesOnlyToTheNamedAgentOrGroup()
    {
        await using var database = await databases.CreateAsync(Ct);
        var forWorker = Seed.Scan(Now.AddMinutes(-3), agentName: "Worker-B");
        var forGroup = Seed.Scan(Now.AddMinutes(-2), agentGroup: "Internal");
        var anyone = Seed.Scan(Now.AddMinutes(-1));
        await AddAsync(database, forWorker, forGroup, anyone);
        await using var db = database.NewContext();
        var leases = new ScanLeases(db, _time);

        var plain = await leases.TryClaimAsync(Agent("worker-a-1", host: "worker-a"), s_lease, Ct);
        var plainAgain = await leases.TryClaimAsync(Agent("worker-a-1", host: "worker-a"), s_lease, Ct);
        var byHost = await leases.TryClaimAsync(Agent("worker-b-2", host: "worker-b"), s_lease, Ct);
        var byGroup = await leases.TryClaimAsync(Agent("worker-c-1", host: "worker-c", group: "internal"), s_lease, Ct);

        Assert.Equal(anyone.Id, plain!.Id);
        Assert.Null(plainAgain);
        Assert.Equal(forWorker.Id, byHost!.Id);
        Assert.Equal(forGroup.Id, byGroup!.Id);
    }

    [Fact]
    public async Task Heartbeat_RenewsOnlyTheHoldersLease_AndReportsUserChanges()
    {
        await using var database = await databases.CreateAsync(Ct);
        var scan = Seed.Scan(Now.AddMinutes(-1));
        await AddAsync(database, scan);
        await using var db = database.NewContext();
        var leases = new ScanLeases(db, _time);
        var holder = Agent("holder-1");
        await leases.TryClaimAsync(holder, s_lease, Ct);

        _time.Advance(TimeSpan.FromSeconds(20));
        var renewed = await leases.HeartbeatAsync(scan.Id, holder, s_lease, Ct);
        var stranger = await leases.HeartbeatAsync(scan.Id, Agent("stranger-1"), s_lease, Ct);
        await db.Scans.Where(s => s.Id == scan.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.State, ScanTaskState.Pausing), Ct);
        var pausing = await leases.HeartbeatAsync(scan.Id, holder, s_lease, Ct);
        await db.Scans.Where(s => s.Id == scan.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.DeletedAt, Now), Ct);
        var deleted = await leases.ReadStateAsync(scan.Id, holder, Ct);

        Assert.Equal(ScanTaskState.Scanning, renewed);
        Assert.Null(stranger);
        Assert.Equal(ScanTaskState.Pausing, pausing);
        Assert.Equal(ScanTaskState.Cancelled, deleted);
        var row = await db.Scans.AsNoTracking().SingleAsync(s => s.Id == scan.Id, Ct);
        Assert.Equal(Now + s_lease, row.LeaseExpiresAt);
    }

    [Fact]
    public async Task RequeueExpired_RequeuesOnlyScansWhoseLeaseRanOut_KeepingElapsedTime()
    {
        await using var database = await databases.CreateAsync(Ct);
        var dead = Seed.Scan(Now.AddMinutes(-2));
        var alive = Seed.Scan(Now.AddMinutes(-1));
        await AddAsync(database, dead, alive);
        await using var db = database.NewContext();
        var leases = new ScanLeases(db, _time);
        var deadAgent = Agent("dead-1");
        var liveAgent = Agent("live-1");
        await leases.TryClaimAsync(deadAgent, s_lease, Ct);
        await leases.TryClaimAsync(liveAgent, s_lease, Ct);

        _time.Advance(TimeSpan.FromSeconds(25));
        await leases.HeartbeatAsync(alive.Id, liveAgent, s_lease, Ct);
        _time.Advance(TimeSpan.FromSeconds(10));
        var requeued = await leases.RequeueExpiredAsync(maxAttempts: 3, Ct);
        var again = await leases.RequeueExpiredAsync(maxAttempts: 3, Ct);

        Assert.Equal(1, requeued);
        Assert.Equal(0, again);
        var deadRow = await db.Scans.AsNoTracking().SingleAsync(s => s.Id == dead.Id, Ct);
        var aliveRow = await db.Scans.AsNoTracking().SingleAsync(s => s.Id == alive.Id, Ct);
        Assert.Equal(ScanTaskState.Queued, deadRow.State);
        Assert.Null(deadRow.AgentId);
        Assert.Null(deadRow.LeaseExpiresAt);
        Assert.Equal(TimeSpan.FromSeconds(35).Ticks, deadRow.ElapsedTicksBeforeRun, TimeSpan.FromMilliseconds(1).Ticks);
        Assert.Equal(ScanTaskState.Scanning, aliveRow.State);
        var reclaimed = await leases.TryClaimAsync(liveAgent, s_lease, Ct);
        Assert.Equal(dead.Id, reclaimed!.Id);
        Assert.Equal(2, reclaimed.Attempts);
    }

    [Fact]
    public async Task RequeueExpired_AfterMaxAttempts_FailsTheScanWithAgentNotAvailable()
    {
        await using var database = await databases.CreateAsync(Ct);
        var scan = Seed.Scan(Now.AddMinutes(-1));
        await AddAsync(database, scan);
        await using var db = database.NewContext();
        var leases = new ScanLeases(db, _time);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.NotNull(await leases.TryClaimAsync(Agent("doomed-" + attempt), s_lease, Ct));
            _time.Advance(s_lease + TimeSpan.FromSeconds(1));
            Assert.Equal(1, await leases.RequeueExpiredAsync(maxAttempts: 3, Ct));
        }

        var row = await db.Scans.AsNoTracking().SingleAsync(s => s.Id == scan.Id, Ct);
        Assert.Equal(ScanTaskState.Failed, row.State);
        Assert.Equal(ScanFailureReason.AgentNotAvailable, row.FailureReason);
        Assert.Equal(3, row.Attempts);
        Assert.NotNull(row.FinishedAt);
        Assert.Null(await leases.TryClaimAsync(Agent("late-1"), s_lease, Ct));
    }

    [Fact]
    public async Task Release_OnShutdown_QueuesRunningScansAtOnce_AndLeavesPausedOnesPaused()
    {
        await using var database = await databases.CreateAsync(Ct);
        var running = Seed.Scan(Now.AddMinutes(-2));
        var paused = Seed.Scan(Now.AddMinutes(-1));
        await AddAsync(database, running, paused);
        await using var db = database.NewContext();
        var leases = new ScanLeases(db, _time);
        var agent = Agent("stopping-1");
        await leases.TryClaimAsync(agent, s_lease, Ct);
        await leases.TryClaimAsync(agent, s_lease, Ct);
        _time.Advance(TimeSpan.FromSeconds(4));
        await db.Scans.Where(s => s.Id == paused.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.State, ScanTaskState.Pausing), Ct);
        Assert.True(await leases.TransitionAsync(paused.Id, agent, ScanTaskState.Pausing, ScanTaskState.Paused, Ct));

        await leases.ReleaseAsync(running.Id, agent, Ct);
        await leases.ReleaseAsync(paused.Id, agent, Ct);

        var runningRow = await db.Scans.AsNoTracking().SingleAsync(s => s.Id == running.Id, Ct);
        var pausedRow = await db.Scans.AsNoTracking().SingleAsync(s => s.Id == paused.Id, Ct);
        Assert.Equal(ScanTaskState.Queued, runningRow.State);
        Assert.Null(runningRow.AgentId);
        Assert.Equal(ScanTaskState.Paused, pausedRow.State);
        Assert.Null(pausedRow.AgentId);
        Assert.Equal(TimeSpan.FromSeconds(4).Ticks, pausedRow.ElapsedTicksBeforeRun, TimeSpan.FromMilliseconds(1).Ticks);
        Assert.Equal(running.Id, (await leases.TryClaimAsync(Agent("next-1"), s_lease, Ct))!.Id);
    }

    [Fact]
    public async Task Finish_RecordsTheOutcome_ButAUsersCancelWins()
    {
        await using var database = await databases.CreateAsync(Ct);
        var completed = Seed.Scan(Now.AddMinutes(-2));
        var cancelled = Seed.Scan(Now.AddMinutes(-1));
        await AddAsync(database, completed, cancelled);
        await using var db = database.NewContext();
        var leases = new ScanLeases(db, _time);
        var agent = Agent("finisher-1");
        await leases.TryClaimAsync(agent, s_lease, Ct);
        await leases.TryClaimAsync(agent, s_lease, Ct);
        _time.Advance(TimeSpan.FromSeconds(90));
        await db.Scans.Where(s => s.Id == cancelled.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.State, ScanTaskState.Cancelled), Ct);

        await leases.FinishAsync(completed.Id, agent, ScanTaskState.Complete, null, null, 4, Ct);
        await leases.FinishAsync(cancelled.Id, agent, ScanTaskState.Complete, null, null, 4, Ct);

        var done = await db.Scans.AsNoTracking().SingleAsync(s => s.Id == completed.Id, Ct);
        Assert.Equal(ScanTaskState.Complete, done.State);
        Assert.Equal(ScanTaskPhase.Complete, done.Phase);
        Assert.Equal(Now, done.FinishedAt);
        Assert.Null(done.LeaseExpiresAt);
        Assert.Equal(4, done.SettledConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(90).Ticks, done.ElapsedTicksBeforeRun, TimeSpan.FromMilliseconds(1).Ticks);
        var stillCancelled = await db.Scans.AsNoTracking().SingleAsync(s => s.Id == cancelled.Id, Ct);
        Assert.Equal(ScanTaskState.Cancelled, stillCancelled.State);
        Assert.Null(stillCancelled.LeaseExpiresAt);
    }

    [Fact]
    public async Task RequeueHeldBy_AfterACrash_GivesBackEverythingThatAgentHeld()
    {
        await using var database = await databases.CreateAsync(Ct);
        var scan = Seed.Scan(Now.AddMinutes(-1));
        await AddAsync(database, scan);
        await using var db = database.NewContext();
        var leases = new ScanLeases(db, _time);
        var agent = Agent("restarted-1");
        await leases.TryClaimAsync(agent, s_lease, Ct);

        var count = await leases.RequeueHeldByAsync(agent, Ct);

        Assert.Equal(1, count);
        Assert.Equal(ScanTaskState.Queued, (await db.Scans.AsNoTracking().SingleAsync(s => s.Id == scan.Id, Ct)).State);
    }

    [Fact]
    public async Task TryReapExpired_ActsOnceWhenTwoProcessesReapTogether()
    {
        await using var database = await databases.CreateAsync(Ct);
        var scans = Enumerable.Range(0, 5).Select(i => Seed.Scan(Now.AddSeconds(-10 + i))).ToArray();
        await AddAsync(database, scans);
        await using (var db = database.NewContext())
        {
            var leases = new ScanLeases(db, _time);
            while (await leases.TryClaimAsync(Agent("gone-1"), s_lease, Ct) is not null)
            {
            }
        }

        _time.Advance(s_lease + TimeSpan.FromSeconds(1));
        var reapers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            return await new ScanLeases(db, _time).TryReapExpiredAsync(maxAttempts: 3, Ct);
        }, Ct)).ToArray();
        var results = await Task.WhenAll(reapers);

        Assert.Equal(5, results.Sum(r => r ?? 0));
        await using var check = database.NewContext();
        Assert.Equal(5, await check.Scans.CountAsync(s => s.State == ScanTaskState.Queued && s.Attempts == 1, Ct));
    }

    [Fact]
    public async Task Findings_AreUniquePerScanByFingerprint()
    {
        await using var database = await databases.CreateAsync(Ct);
        var first = Seed.Scan(Now.AddMinutes(-2));
        var second = Seed.Scan(Now.AddMinutes(-1));
        await AddAsync(database, first, second);

        await using (var db = database.NewContext())
        {
            db.Vulnerabilities.AddRange(Seed.Finding(first.Id, "fp-1", Now), Seed.Finding(second.Id, "fp-1", Now));
            await db.SaveChangesAsync(Ct);
        }

        await using var again = database.NewContext();
        again.Vulnerabilities.Add(Seed.Finding(first.Id, "fp-1", Now));
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Model_ReadsBackWhatItStores_WithUtcTimes_AndAcceptsUnspecifiedTimesInQueries()
    {
        await using var database = await databases.CreateAsync(Ct);
        var scan = Seed.Scan(Now.AddMinutes(-1));
        await AddAsync(database, scan);
        await using var db = database.NewContext();
        db.Websites.Add(new WebsiteEntity { Id = Guid.NewGuid(), UserId = scan.UserId, RootUrl = "http://127.0.0.1:9/", Name = "w", Tags = ["x", "y"], CreatedAt = Now, UpdatedAt = Now });
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();

        var unspecified = DateTime.SpecifyKind(Now.AddMinutes(-5), DateTimeKind.Unspecified);
        var found = await db.Scans.AsNoTracking().Where(s => s.InitiatedAt > unspecified).SingleAsync(Ct);
        var website = await db.Websites.AsNoTracking().Where(w => w.Tags.Contains("y")).SingleAsync(Ct);

        Assert.Equal(scan.Id, found.Id);
        Assert.Equal(Now.AddMinutes(-1), DateTime.SpecifyKind(found.InitiatedAt, DateTimeKind.Utc));
        Assert.Equal(scan.Configuration.Tags, found.Configuration.Tags);
        Assert.Equal(["x", "y"], website.Tags);
    }

    [Fact]
    public async Task Agents_RegisterHeartbeatRunAndTerminate()
    {
        await using var database = await databases.CreateAsync(Ct);
        await using var db = database.NewContext();
        var registry = new AgentRegistry(db, _time);
        var agent = Agent("host-1", host: "host", group: "dmz");
        var description = new AgentDescription("1.2.3", "Linux", ".NET 10", "X64");
        var expiry = TimeSpan.FromSeconds(30);
        var scanId = Guid.NewGuid();

        await registry.RegisterAsync(agent, description, expiry, Ct);
        _time.Advance(TimeSpan.FromSeconds(5));
        await registry.RegisterAsync(agent, description with { Version = "1.2.4" }, expiry, Ct);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await registry.HeartbeatAsync([agent.Id], expiry, Ct));
        Assert.Equal(1, await registry.SetRunningAsync(agent.Id, scanId, Ct));
        var running = await db.Agents.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(1, await registry.TerminateAsync([agent.Id], Ct));
        var terminated = await db.Agents.AsNoTracking().SingleAsync(Ct);

        Assert.Equal("host-1", running.Name);
        Assert.Equal("host", running.HostName);
        Assert.Equal("dmz", running.GroupName);
        Assert.Equal("1.2.4", running.Version);
        Assert.Equal(AgentState.Scanning, running.State);
        Assert.Equal(scanId, running.CurrentScanId);
        Assert.Equal(Now, DateTime.SpecifyKind(running.HeartbeatAt, DateTimeKind.Utc));
        Assert.Equal(Now + expiry, DateTime.SpecifyKind(running.ExpiresAt, DateTimeKind.Utc));
        Assert.Equal(Seed.Start.UtcDateTime.AddSeconds(5), DateTime.SpecifyKind(running.LaunchedAt, DateTimeKind.Utc));
        Assert.Equal(AgentState.Terminated, terminated.State);
        Assert.Null(terminated.CurrentScanId);
        Assert.Equal(0, await registry.HeartbeatAsync([agent.Id], expiry, Ct));
    }

    private static async Task AddAsync(TestDatabase database, params ScanEntity[] scans)
    {
        await using var db = database.NewContext();
        db.Scans.AddRange(scans);
        await db.SaveChangesAsync(Ct);
    }
}

/// <summary>The contract on the embedded SQLite store: always runs.</summary>
public sealed class SqliteScanLeasesTests(SqliteDatabases databases) : ScanLeasesContract(databases), IClassFixture<SqliteDatabases>;

/// <summary>The contract on a real PostgreSQL (<c>HARRIER_TEST_POSTGRES</c>); skipped, never failed, when it is not set.</summary>
public sealed class PostgresScanLeasesTests(PostgresDatabases databases) : ScanLeasesContract(databases), IClassFixture<PostgresDatabases>;
