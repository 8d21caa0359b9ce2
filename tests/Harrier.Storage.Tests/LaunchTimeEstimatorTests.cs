using Harrier.Core.Scans;
using Harrier.Server.Hosting;
using Harrier.Server.Scans;
using Harrier.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Storage.Tests;

/// <summary>A queued scan's place in the queue and its launch estimate, read by <c>status</c> and every scan model.</summary>
public sealed class LaunchTimeEstimatorTests(SqliteDatabases databases) : IClassFixture<SqliteDatabases>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Place_CountsQueuedNotDeletedScansLaunchedBefore_UpToTheCap()
    {
        await using var database = await databases.CreateAsync(Ct);
        var userId = Guid.NewGuid();
        var scans = Enumerable.Range(0, LaunchTimeEstimator.MaxCountedAhead + 5)
            .Select(i => Seed.Scan(Seed.Start.UtcDateTime.AddSeconds(i))).ToList();
        foreach (var scan in scans)
        {
            scan.UserId = userId;
        }

        scans[1].DeletedAt = Seed.Start.UtcDateTime;
        scans[2].State = ScanTaskState.Complete;
        await using (var db = database.NewContext())
        {
            db.Scans.AddRange(scans);
            await db.SaveChangesAsync(Ct);
        }

        await using var context = database.NewContext();
        var estimator = new LaunchTimeEstimator(context, Options.Create(new HarrierOptions { Agents = 1 }),
            new LaunchTimeEstimator.QueueFigures(new FakeTimeProvider(Seed.Start)));

        Assert.Equal(0, (await estimator.ProgressAsync(scans[0].Id, userId, Ct))!.Value.Place.QueuedAhead);
        // Ten launched before it, one of them deleted and one complete.
        Assert.Equal(8, (await estimator.ProgressAsync(scans[10].Id, userId, Ct))!.Value.Place.QueuedAhead);
        Assert.Equal(LaunchTimeEstimator.MaxCountedAhead, (await estimator.ProgressAsync(scans[^1].Id, userId, Ct))!.Value.Place.QueuedAhead);
        Assert.Null(await estimator.ProgressAsync(scans[0].Id, Guid.NewGuid(), Ct));
        Assert.Null((await estimator.ProgressAsync(scans[2].Id, userId, Ct))!.Value.Minutes);
    }
}
