using Harrier.Core.Scans;
using Harrier.Core.Scheduling;
using Harrier.Server.Scheduling;
using Harrier.Storage.Entities;
using Harrier.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Storage.Tests.Scheduling;

/// <summary>The hosted scheduler loop: it runs a round on every poll interval of the injected clock, and only then.</summary>
public sealed class SchedulerServiceTests(SqliteDatabases databases) : IClassFixture<SqliteDatabases>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LaunchesADueSchedule_OnlyOnceItsPollIntervalHasPassed()
    {
        await using var database = await databases.CreateAsync(Ct);
        var time = new FakeTimeProvider(Seed.Start);
        var rule = new ScheduleRule
        {
            RunType = ScheduleRunType.Once, Start = Seed.Start.UtcDateTime.AddSeconds(20), TimeZoneId = "UTC",
        };
        var scan = Seed.Scan(Seed.Start.UtcDateTime);
        await using (var db = database.NewContext())
        {
            db.ScheduledScans.Add(new ScheduledScanEntity
            {
                Id = Guid.NewGuid(), UserId = scan.UserId, WebsiteId = scan.WebsiteId, Name = "soon",
                Configuration = scan.Configuration, TargetUrl = scan.TargetUrl, Rule = rule,
                NextExecutionTime = ScheduleCalculator.First(rule), Version = Guid.NewGuid(),
            });
            await db.SaveChangesAsync(Ct);
        }

        var services = new ServiceCollection();
        services.AddScoped(_ => database.NewContext());
        services.AddScoped(provider => new ScheduleRunner(provider.GetRequiredService<HarrierDbContext>(), time));
        await using var provider = services.BuildServiceProvider();
        using var scheduler = new SchedulerService(provider.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new SchedulerOptions { PollInterval = TimeSpan.FromSeconds(5) }), time, NullLogger<SchedulerService>.Instance);
        await scheduler.StartAsync(Ct);

        // Step the clock by the poll interval until the scan appears: never before +20 s, when it is due.
        var elapsed = TimeSpan.Zero;
        while (await ScanCountAsync(database) == 0)
        {
            Assert.True(elapsed < TimeSpan.FromMinutes(10), "the scheduler never launched the due schedule");
            time.Advance(TimeSpan.FromSeconds(5));
            elapsed += TimeSpan.FromSeconds(5);
            await WaitForLaunchAsync(database);
        }

        for (var round = 0; round < 5; round++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await WaitForLaunchAsync(database);
        }

        await scheduler.StopAsync(Ct);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(10));
        Assert.Equal(1, await ScanCountAsync(database));
    }

    private static async Task<int> ScanCountAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.Scans.CountAsync(Ct);
    }

    /// <summary>Gives the round the clock just released a moment (bounded) to store a scan.</summary>
    private static async Task WaitForLaunchAsync(TestDatabase database)
    {
        for (var attempt = 0; attempt < 10 && await ScanCountAsync(database) == 0; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, Ct);
        }
    }
}
