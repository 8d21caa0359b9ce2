using Harrier.Core.Issues;
using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Harrier.Storage.Issues;
using Harrier.Storage.Queue;
using Harrier.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Storage.Tests;

/// <summary>
/// Issues tracked across scans (docs/issues.md): scans end through <see cref="ScanLeases.FinishAsync"/> exactly as an agent ends
/// them, with their findings seeded in storage; run unchanged on SQLite and PostgreSQL by the subclasses below.
/// </summary>
public abstract class IssueTrackerContract(TestDatabases databases)
{
    private readonly FakeTimeProvider _time = new(Seed.Start);
    private readonly Guid _website = Guid.NewGuid();
    private readonly AgentIdentity _agent = new(Guid.NewGuid(), "tracker-1");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullScans_NewStillPresentFixedUnconfirmedAndRevived()
    {
        await using var database = await databases.CreateAsync(Ct);

        var first = await FinishScanAsync(database, ScanType.Full, null, ScanTaskState.Complete, "a", "b");
        var afterFirst = await IssuesAsync(database);
        var second = await FinishScanAsync(database, ScanType.Full, null, ScanTaskState.Complete, "a");
        var afterSecond = await IssuesAsync(database);
        var third = await FinishScanAsync(database, ScanType.Full, null, ScanTaskState.Complete, "a", "b");
        var afterThird = await IssuesAsync(database);

        Assert.Equal([IssueState.Present, IssueState.Present], [afterFirst["a"].State, afterFirst["b"].State]);
        Assert.Equal(first.Id, afterFirst["a"].FirstSeenScanId);
        Assert.Equal(IssueState.Present, afterSecond["a"].State);
        Assert.Equal(second.Id, afterSecond["a"].LastSeenScanId);
        Assert.Equal(IssueState.FixedUnconfirmed, afterSecond["b"].State);
        Assert.Equal(second.Id, afterSecond["b"].FixedInScanId);
        Assert.Equal(first.Id, afterSecond["b"].LastSeenScanId);
        Assert.Equal(IssueState.Revived, afterThird["b"].State);
        Assert.Null(afterThird["b"].FixedInScanId);
        Assert.Equal(third.FinishedAt, afterThird["b"].LastRevivedAt);
        Assert.Equal(first.Id, afterThird["b"].FirstSeenScanId);
        var latest = await LatestVulnerabilityAsync(database, third.Id, "b");
        Assert.Equal(latest, afterThird["b"].LatestVulnerabilityId);
        Assert.Equal(
            [(null, IssueState.Present), (IssueState.Present, IssueState.FixedUnconfirmed), (IssueState.FixedUnconfirmed, IssueState.Revived)],
            await HistoryAsync(database, afterThird["b"].Id));
        Assert.Equal([(null, IssueState.Present)], await HistoryAsync(database, afterThird["a"].Id));
    }

    [Fact]
    public async Task Retest_ConfirmsFixesOfItsBaseScanOnly_AndKeepsReproducedIssuesPresent()
    {
        await using var database = await databases.CreateAsync(Ct);
        var full = await FinishScanAsync(database, ScanType.Full, null, ScanTaskState.Complete, "a", "b");
        await FinishScanAsync(database, ScanType.Full, null, ScanTaskState.Complete, "a", "b", "c");

        var retest = await FinishScanAsync(database, ScanType.Retest, full.Id, ScanTaskState.Complete, "a");

        var issues = await IssuesAsync(database);
        Assert.Equal(IssueState.Present, issues["a"].State);
        Assert.Equal(retest.Id, issues["a"].LastSeenScanId);
        Assert.Equal(IssueState.FixedConfirmed, issues["b"].State);
        Assert.Equal(retest.Id, issues["b"].FixedInScanId);
        Assert.Equal(retest.FinishedAt, issues["b"].FixedConfirmedAt);
        Assert.Equal(IssueState.Present, issues["c"].State);
    }

    [Fact]
    public async Task Retest_ConfirmsAFixAFullScanSuspected()
    {
        await using var database = await databases.CreateAsync(Ct);
        var full = await FinishScanAsync(database, ScanType.Full, null, ScanTaskState.Complete, "a", "b");
        await FinishScanAsync(database, ScanType.Full, null, ScanTaskState.Complete, "a");

        await FinishScanAsync(database, ScanType.Retest, full.Id, ScanTaskState.Complete, "a");

        var b = (await IssuesAsync(database))["b"];
        Assert.Equal(IssueState.FixedConfirmed, b.State);
        Assert.Equal(
            [(null, IssueState.Present), (IssueState.Present, IssueState.FixedUnconfirmed), (IssueState.FixedUnconfirmed, IssueState.FixedConfirmed)],
            await HistoryAsync(database, b.Id));
    }

    [Fact]
    public async Task UserStates_AreNotOverwrittenByScans_ButTheSightingIsRecorded()
    {
        await using var database = await databases.CreateAsync(Ct);
        var full = await FinishScanAsync(database, ScanType.Full, null, ScanTaskState.Complete, "ignored", "risk", "false");
        await SetStatesAsync(database, ("ignored", IssueState.Ignored), ("risk", IssueState.AcceptedRisk), ("false", IssueState.FalsePositive));

        var second = await FinishScanAsync(database, ScanType.Full, null, ScanTaskState.Complete, "ignored");
        await FinishScanAsync(database, ScanType.Retest, full.Id, ScanTaskState.Complete);

        var issues = await IssuesAsync(database);
        Assert.Equal(IssueState.Ignored, issues["ignored"].State);
        Assert.Equal(second.Id, issues["ignored"].LastSeenScanId);
        Assert.Equal(IssueState.AcceptedRisk, issues["risk"].State);
        Assert.Equal(IssueState.FalsePositive, issues["false"].State);
        Assert.Null(issues["risk"].FixedInScanId);
        Assert.Equal([(null, IssueState.Present), (IssueState.Ignored, IssueState.Ignored)], await HistoryAsync(database, issues["ignored"].Id));
        Assert.Equal([(null, IssueState.Present)], await HistoryAsync(database, issues["risk"].Id));
    }

    [Theory]
    [InlineData(ScanTaskState.Cancelled)]
    [InlineData(ScanTaskState.Failed)]
    public async Task ScansThatDoNotComplete_ChangeNothing(ScanTaskState outcome)
    {
        await using var database = await databases.CreateAsync(Ct);
        await FinishScanAsync(database, ScanType.Full, null, ScanTaskState.Complete, "a");

        var stopped = await FinishScanAsync(database, ScanType.Full, null, outcome, "b");

        var issues = await IssuesAsync(database);
        Assert.Equal(["a"], issues.Keys);
        Assert.Equal(IssueState.Present, issues["a"].State);
        await using var db = database.NewContext();
        Assert.Null((await db.Scans.SingleAsync(s => s.Id == stopped.Id, Ct)).IssuesAppliedAt);
    }

    [Fact]
    public async Task PendingScans_AreAppliedOnStart_InCompletionOrder_AndOnlyOnce()
    {
        await using var database = await databases.CreateAsync(Ct);
        // Completed before issue tracking existed: inserted out of order, the later one without the finding.
        var later = CompletedScan(Seed.Start.UtcDateTime.AddHours(2));
        var earlier = CompletedScan(Seed.Start.UtcDateTime.AddHours(1));
        await using (var db = database.NewContext())
        {
            db.Scans.AddRange(later, earlier);
            db.Vulnerabilities.Add(Finding(earlier.Id, "a"));
            await db.SaveChangesAsync(Ct);
        }

        int applied;
        int again;
        await using (var db = database.NewContext())
        {
            applied = await new IssueTracker(db, _time).ApplyAllPendingAsync(Ct);
            again = await new IssueTracker(db, _time).ApplyAllPendingAsync(Ct);
        }

        Assert.Equal(1, applied);
        Assert.Equal(0, again);
        var a = (await IssuesAsync(database))["a"];
        Assert.Equal(IssueState.FixedUnconfirmed, a.State);
        Assert.Equal(earlier.Id, a.FirstSeenScanId);
        Assert.Equal(later.Id, a.FixedInScanId);
        Assert.Equal(2, (await HistoryAsync(database, a.Id)).Count);
    }

    [Fact]
    public async Task ScansOfOneWebsiteCompletingAtOnce_MakeOneIssue()
    {
        await using var database = await databases.CreateAsync(Ct);
        var agents = Enumerable.Range(0, 4).Select(i => new AgentIdentity(Guid.NewGuid(), "parallel-" + i)).ToArray();
        var scans = new List<ScanEntity>();
        await using (var db = database.NewContext())
        {
            foreach (var agent in agents)
            {
                var scan = RunningScan(ScanType.Full, null, agent);
                scans.Add(scan);
                db.Scans.Add(scan);
                db.Vulnerabilities.Add(Finding(scan.Id, "a"));
            }

            await db.SaveChangesAsync(Ct);
        }

        await Task.WhenAll(scans.Select((scan, i) => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            await new ScanLeases(db, _time).FinishAsync(scan.Id, agents[i], ScanTaskState.Complete, null, null, null, Ct);
        }, Ct)));

        var issues = await IssuesAsync(database);
        Assert.Equal(IssueState.Present, Assert.Single(issues).Value.State);
        await using var check = database.NewContext();
        Assert.Equal(4, await check.Scans.CountAsync(s => s.IssuesAppliedAt != null, Ct));
    }

    private async Task<ScanEntity> FinishScanAsync(TestDatabase database, ScanType type, Guid? baseScanId, ScanTaskState outcome, params string[] found)
    {
        _time.Advance(TimeSpan.FromMinutes(10));
        var scan = RunningScan(type, baseScanId, _agent);
        await using (var db = database.NewContext())
        {
            db.Scans.Add(scan);
            db.Vulnerabilities.AddRange(found.Select(f => Finding(scan.Id, f)));
            await db.SaveChangesAsync(Ct);
            await new ScanLeases(db, _time).FinishAsync(scan.Id, _agent, outcome, null, null, null, Ct);
        }

        await using var read = database.NewContext();
        return await read.Scans.AsNoTracking().SingleAsync(s => s.Id == scan.Id, Ct);
    }

    private ScanEntity RunningScan(ScanType type, Guid? baseScanId, AgentIdentity agent)
    {
        var scan = Seed.Scan(_time.GetUtcNow().UtcDateTime.AddMinutes(-5));
        scan.WebsiteId = _website;
        scan.ScanType = type;
        scan.BaseScanId = baseScanId;
        scan.State = ScanTaskState.Scanning;
        scan.StartedAt = scan.InitiatedAt;
        scan.AgentId = agent.Id;
        return scan;
    }

    private ScanEntity CompletedScan(DateTime finishedAt)
    {
        var scan = Seed.Scan(finishedAt.AddMinutes(-5));
        scan.WebsiteId = _website;
        scan.State = ScanTaskState.Complete;
        scan.FinishedAt = finishedAt;
        return scan;
    }

    /// <summary>A finding whose fingerprint is its name: the tracker matches fingerprints, never recomputes them.</summary>
    private VulnerabilityEntity Finding(Guid scanId, string name)
    {
        var finding = Seed.Finding(scanId, name, _time.GetUtcNow().UtcDateTime);
        finding.WebsiteId = _website;
        finding.Url = "http://127.0.0.1:9/" + name;
        return finding;
    }

    private async Task<Dictionary<string, IssueEntity>> IssuesAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.Issues.AsNoTracking().Where(i => i.WebsiteId == _website).ToDictionaryAsync(i => i.Fingerprint, Ct);
    }

    private static async Task<Guid> LatestVulnerabilityAsync(TestDatabase database, Guid scanId, string fingerprint)
    {
        await using var db = database.NewContext();
        return await db.Vulnerabilities.Where(v => v.ScanId == scanId && v.Fingerprint == fingerprint).Select(v => v.Id).SingleAsync(Ct);
    }

    private static async Task<List<(IssueState? From, IssueState To)>> HistoryAsync(TestDatabase database, Guid issueId)
    {
        await using var db = database.NewContext();
        var rows = await db.IssueHistory.AsNoTracking().Where(h => h.IssueId == issueId).ToListAsync(Ct);
        return [.. rows.OrderBy(h => h.At).Select(h => (h.FromState, h.ToState))];
    }

    private async Task SetStatesAsync(TestDatabase database, params (string Fingerprint, IssueState State)[] states)
    {
        await using var db = database.NewContext();
        foreach (var (fingerprint, state) in states)
        {
            await db.Issues.Where(i => i.WebsiteId == _website && i.Fingerprint == fingerprint)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.State, state), Ct);
        }
    }
}

/// <summary>The issue tracker on the embedded SQLite store: always runs.</summary>
public sealed class SqliteIssueTrackerTests(SqliteDatabases databases) : IssueTrackerContract(databases), IClassFixture<SqliteDatabases>;

/// <summary>The issue tracker on a real PostgreSQL (<c>HARRIER_TEST_POSTGRES</c>); skipped, never failed, when it is not set.</summary>
public sealed class PostgresIssueTrackerTests(PostgresDatabases databases) : IssueTrackerContract(databases), IClassFixture<PostgresDatabases>;

/// <summary>The transition rules on their own.</summary>
public sealed class IssueRulesTests
{
    [Theory]
    [InlineData(IssueState.Present, IssueState.Present)]
    [InlineData(IssueState.Revived, IssueState.Revived)]
    [InlineData(IssueState.FixedUnconfirmed, IssueState.Revived)]
    [InlineData(IssueState.FixedCantRetest, IssueState.Revived)]
    [InlineData(IssueState.FixedConfirmed, IssueState.Revived)]
    [InlineData(IssueState.Ignored, IssueState.Ignored)]
    [InlineData(IssueState.AcceptedRisk, IssueState.AcceptedRisk)]
    [InlineData(IssueState.FalsePositive, IssueState.FalsePositive)]
    public void Found(IssueState current, IssueState expected) => Assert.Equal(expected, IssueRules.Found(current));

    [Theory]
    [InlineData(IssueState.Present, IssueState.FixedUnconfirmed)]
    [InlineData(IssueState.Revived, IssueState.FixedUnconfirmed)]
    [InlineData(IssueState.FixedConfirmed, IssueState.FixedConfirmed)]
    [InlineData(IssueState.FixedUnconfirmed, IssueState.FixedUnconfirmed)]
    [InlineData(IssueState.Ignored, IssueState.Ignored)]
    [InlineData(IssueState.FalsePositive, IssueState.FalsePositive)]
    public void NotFoundByFullScan(IssueState current, IssueState expected) => Assert.Equal(expected, IssueRules.NotFoundByFullScan(current));

    [Theory]
    [InlineData(IssueState.Present, IssueState.FixedConfirmed)]
    [InlineData(IssueState.Revived, IssueState.FixedConfirmed)]
    [InlineData(IssueState.FixedUnconfirmed, IssueState.FixedConfirmed)]
    [InlineData(IssueState.AcceptedRisk, IssueState.AcceptedRisk)]
    public void NotReproducedByRetest(IssueState current, IssueState expected) => Assert.Equal(expected, IssueRules.NotReproducedByRetest(current));

    [Fact]
    public void AddressedIsEverythingButOpen()
    {
        var addressed = Enum.GetValues<IssueState>().Where(IssueRules.IsAddressed).ToList();
        Assert.Equal([IssueState.FixedUnconfirmed, IssueState.FixedCantRetest, IssueState.FixedConfirmed, IssueState.Ignored,
            IssueState.AcceptedRisk, IssueState.FalsePositive], addressed);
    }
}
