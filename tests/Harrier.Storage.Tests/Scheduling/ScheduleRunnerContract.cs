using Harrier.Core.Scans;
using Harrier.Core.Scheduling;
using Harrier.Server.Scheduling;
using Harrier.Storage.Entities;
using Harrier.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Storage.Tests.Scheduling;

/// <summary>
/// The scheduler's promises on every provider: a due schedule launches exactly once (also with several schedulers racing on
/// one database), catch-up after downtime is one launch, disabled and ended schedules are kept and never run.
/// </summary>
public abstract class ScheduleRunnerContract(TestDatabases databases)
{
    private readonly FakeTimeProvider _time = new(Seed.Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task DueSchedule_LaunchesOneScan_RecordsIt_AndMovesToTheNextRun()
    {
        await using var database = await databases.CreateAsync(Ct);
        var schedule = await AddAsync(database, Daily(Now.AddMinutes(-1)));
        var notYet = await AddAsync(database, Daily(Now.AddMinutes(1)));

        var launched = await RunAsync(database);

        var scan = Assert.Single(launched);
        await using var db = database.NewContext();
        var stored = await db.ScheduledScans.AsNoTracking().SingleAsync(s => s.Id == schedule.Id, Ct);
        var stored2 = await db.ScheduledScans.AsNoTracking().SingleAsync(s => s.Id == notYet.Id, Ct);
        var storedScan = await db.Scans.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(schedule.Id, storedScan.ScheduledScanId);
        Assert.Equal(scan.Id, storedScan.Id);
        Assert.Equal(ScanTaskState.Queued, storedScan.State);
        Assert.Equal(schedule.UserId, storedScan.UserId);
        Assert.Equal(schedule.TargetUrl, storedScan.Configuration.TargetUrl);
        Assert.Equal(1, stored.LaunchCount);
        Assert.Equal(Now, Utc(stored.LastLaunchedAt!.Value));
        Assert.Equal(scan.Id, stored.LastScanId);
        Assert.Equal(schedule.NextExecutionTime!.Value.AddDays(1), Utc(stored.NextExecutionTime!.Value));
        Assert.Equal(0, stored2.LaunchCount);
        Assert.Empty(await RunAsync(database));
    }

    [Fact]
    public async Task TwoSchedulersRacing_LaunchEveryDueRunExactlyOnce()
    {
        await using var database = await databases.CreateAsync(Ct);
        var schedules = new List<ScheduledScanEntity>();
        for (var i = 0; i < 25; i++)
        {
            schedules.Add(await AddAsync(database, Daily(Now.AddSeconds(-i - 1))));
        }

        var racers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunAsync(database), Ct)).ToArray();
        var launched = (await Task.WhenAll(racers)).SelectMany(l => l).ToList();

        await using var db = database.NewContext();
        var scans = await db.Scans.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(25, launched.Count);
        Assert.Equal(25, scans.Count);
        Assert.Equal(schedules.Select(s => s.Id).Order(), scans.Select(s => s.ScheduledScanId!.Value).Order());
        Assert.All(await db.ScheduledScans.AsNoTracking().ToListAsync(Ct), s => Assert.Equal(1, s.LaunchCount));
    }

    [Fact]
    public async Task AfterDowntime_LaunchesOnce_ThenWaitsForTheNextFutureRun()
    {
        await using var database = await databases.CreateAsync(Ct);
        // Due every day at 09:00 since five days ago; the server was down all that time.
        var schedule = await AddAsync(database, Daily(Now.AddDays(-5)));

        var first = await RunAsync(database);
        _time.Advance(TimeSpan.FromHours(1));
        var again = await RunAsync(database);

        Assert.Single(first);
        Assert.Empty(again);
        await using var db = database.NewContext();
        var stored = await db.ScheduledScans.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(1, stored.LaunchCount);
        Assert.Equal(Seed.Start.UtcDateTime.AddDays(1), Utc(stored.NextExecutionTime!.Value));
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Single(await RunAsync(database));
        Assert.Equal(schedule.Id, (await db.Scans.AsNoTracking().FirstAsync(Ct)).ScheduledScanId);
    }

    [Fact]
    public async Task DisabledSchedule_IsKept_AndNeverRuns()
    {
        await using var database = await databases.CreateAsync(Ct);
        var schedule = Daily(Now.AddHours(-1));
        schedule.Disabled = true;
        await AddAsync(database, schedule);

        Assert.Empty(await RunAsync(database));
        await using var db = database.NewContext();
        Assert.Equal(0, (await db.ScheduledScans.AsNoTracking().SingleAsync(Ct)).LaunchCount);
        Assert.Equal(0, await db.Scans.CountAsync(Ct));
    }

    [Fact]
    public async Task EndedSchedules_AreKept_AndRunNoMore()
    {
        await using var database = await databases.CreateAsync(Ct);
        var once = await AddAsync(database, Schedule(ScheduleRunType.Once, Now.AddMinutes(-1)));
        var twice = await AddAsync(database, Schedule(ScheduleRunType.Custom, Now.AddMinutes(-1), new ScheduleRecurrence
        {
            RepeatType = RepeatType.Days, EndingType = EndingType.Occurences, EndOnOccurrences = 2,
        }));

        var launches = new List<ScanEntity>();
        for (var day = 0; day < 5; day++)
        {
            launches.AddRange(await RunAsync(database));
            _time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Single(launches, s => s.ScheduledScanId == once.Id);
        Assert.Equal(2, launches.Count(s => s.ScheduledScanId == twice.Id));
        await using var db = database.NewContext();
        var stored = await db.ScheduledScans.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, s => Assert.Null(s.NextExecutionTime));
    }

    [Fact]
    public async Task AScheduleChangedAfterItWasRead_IsNotLaunchedOnTheStaleRead()
    {
        await using var database = await databases.CreateAsync(Ct);
        var schedule = await AddAsync(database, Daily(Now.AddMinutes(-1)));
        ScheduledScanEntity staleRead;
        await using (var scheduler = database.NewContext())
        {
            staleRead = await scheduler.ScheduledScans.AsNoTracking().SingleAsync(Ct);
        }

        await using (var owner = database.NewContext())
        {
            // The owner disables it between the scheduler's read and its claim: the claim's WHERE no longer matches.
            var row = await owner.ScheduledScans.SingleAsync(Ct);
            row.Disabled = true;
            row.Version = Guid.NewGuid();
            await owner.SaveChangesAsync(Ct);
        }

        await using var db = database.NewContext();
        Assert.Null(await new ScheduleRunner(db, _time).TryLaunchAsync(staleRead, Now, Ct));
        Assert.Equal(0, await db.Scans.CountAsync(Ct));
        var stored = await db.ScheduledScans.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(0, stored.LaunchCount);
        Assert.Equal(schedule.NextExecutionTime, Utc(stored.NextExecutionTime!.Value));
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static ScheduledScanEntity Daily(DateTime firstUtc) => Schedule(ScheduleRunType.Daily, firstUtc);

    private static ScheduledScanEntity Schedule(ScheduleRunType type, DateTime firstUtc, ScheduleRecurrence? recurrence = null)
    {
        var rule = new ScheduleRule
        {
            RunType = type, Start = DateTime.SpecifyKind(firstUtc, DateTimeKind.Unspecified), TimeZoneId = "UTC", Recurrence = recurrence,
        };
        var scan = Seed.Scan(firstUtc);
        return new ScheduledScanEntity
        {
            Id = Guid.NewGuid(),
            UserId = scan.UserId,
            WebsiteId = scan.WebsiteId,
            Name = "nightly",
            Configuration = scan.Configuration,
            TargetUrl = scan.TargetUrl,
            Rule = rule,
            NextExecutionTime = ScheduleCalculator.First(rule),
            Version = Guid.NewGuid(),
        };
    }

    private static async Task<ScheduledScanEntity> AddAsync(TestDatabase database, ScheduledScanEntity schedule)
    {
        await using var db = database.NewContext();
        db.ScheduledScans.Add(schedule);
        await db.SaveChangesAsync(Ct);
        return schedule;
    }

    private async Task<IReadOnlyList<ScanEntity>> RunAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new ScheduleRunner(db, _time).RunDueAsync(100, Ct);
    }
}

/// <summary>The scheduler contract on the embedded SQLite store.</summary>
public sealed class SqliteScheduleRunnerTests(SqliteDatabases databases) : ScheduleRunnerContract(databases), IClassFixture<SqliteDatabases>;

/// <summary>The scheduler contract on a real PostgreSQL (<c>HARRIER_TEST_POSTGRES</c>).</summary>
public sealed class PostgresScheduleRunnerTests(PostgresDatabases databases) : ScheduleRunnerContract(databases), IClassFixture<PostgresDatabases>;
