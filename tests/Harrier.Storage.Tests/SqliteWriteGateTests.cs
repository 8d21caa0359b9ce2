using System.Data.Common;
using Harrier.Storage.Sqlite;
using Harrier.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Harrier.Storage.Tests;

/// <summary>SQLite saves of one process take turns instead of sleeping in the driver's busy retry.</summary>
public sealed class SqliteWriteGateTests(SqliteDatabases databases) : IClassFixture<SqliteDatabases>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentSaves_TakeTurns_AndAllAreStored()
    {
        await using var database = await CreateAsync();
        var writes = new WriteRecorder();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var saves = Enumerable.Range(0, 32).Select(async i =>
        {
            await using var db = NewContext(database, writes);
            db.Scans.Add(Seed.Scan(Seed.Start.UtcDateTime.AddSeconds(i)));
            await start.Task;
            await db.SaveChangesAsync(Ct);
        }).ToList();
        start.SetResult();
        await Task.WhenAll(saves);

        await using var check = database.NewContext();
        Assert.Equal(32, await check.Scans.CountAsync(Ct));
        Assert.Equal(32, writes.Count);
        Assert.Equal(1, writes.MostAtOnce);
    }

    [Fact]
    public async Task SaveInsideATransaction_DoesNotWaitForTheGate()
    {
        await using var database = await CreateAsync();
        var paused = new PausedInsert();
        await using var gated = NewContext(database, paused);
        await using var holder = database.NewContext();

        // A save outside any transaction takes the gate, then stops just before its INSERT.
        gated.Scans.Add(Seed.Scan(Seed.Start.UtcDateTime));
        var gatedSave = gated.SaveChangesAsync(Ct);
        await paused.Reached.WaitAsync(Ct);

        // A transaction may already hold SQLite's write lock that the gated save will wait for: its saves must go on.
        await using (var transaction = await holder.Database.BeginTransactionAsync(Ct))
        {
            holder.Scans.Add(Seed.Scan(Seed.Start.UtcDateTime.AddSeconds(1)));
            await holder.SaveChangesAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            await transaction.CommitAsync(Ct);
        }

        paused.Release.SetResult();
        await gatedSave;
        await using var check = database.NewContext();
        Assert.Equal(2, await check.Scans.CountAsync(Ct));
    }

    /// <summary>A test database in write-ahead-log mode, as <c>harrier serve</c> runs it.</summary>
    private async Task<TestDatabase> CreateAsync()
    {
        var database = await databases.CreateAsync(Ct);
        await using var db = database.NewContext();
        await SqliteStorage.EnableWriteAheadLogAsync(db, Ct);
        return database;
    }

    private static HarrierDbContext NewContext(TestDatabase database, IInterceptor interceptor)
    {
        var options = new DbContextOptionsBuilder<HarrierDbContext>();
        database.Configure(options);
        options.AddInterceptors(interceptor);
        return new HarrierDbContext(options.Options);
    }

    /// <summary>Counts INSERT commands and how many ran at the same time.</summary>
    private sealed class WriteRecorder : DbCommandInterceptor
    {
        private readonly Lock _lock = new();
        private int _running;

        public int Count { get; private set; }

        public int MostAtOnce { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (IsInsert(command))
            {
                lock (_lock)
                {
                    Count++;
                    MostAtOnce = Math.Max(MostAtOnce, ++_running);
                }
            }

            return ValueTask.FromResult(result);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Finished(command);
            return ValueTask.FromResult(result);
        }

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Finished(command);
            return Task.CompletedTask;
        }

        private void Finished(DbCommand command)
        {
            if (IsInsert(command))
            {
                lock (_lock)
                {
                    _running--;
                }
            }
        }

    }

    /// <summary>Holds the first INSERT of its context until released.</summary>
    private sealed class PausedInsert : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (IsInsert(command) && _reached.TrySetResult())
            {
                await Release.Task.WaitAsync(cancellationToken);
            }

            return result;
        }
    }

    private static bool IsInsert(DbCommand command) => command.CommandText.Contains("INSERT INTO", StringComparison.Ordinal);
}
