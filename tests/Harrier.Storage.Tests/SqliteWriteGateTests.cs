using System.Data.Common;
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
        await using var database = await databases.CreateAsync(Ct);
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
    public async Task SaveInsideATransaction_IsNotHeldBehindASaveWaitingForThatTransaction()
    {
        await using var database = await databases.CreateAsync(Ct);
        var writes = new WriteRecorder();
        await using var holder = NewContext(database, writes);
        await using var waiter = NewContext(database, writes);

        // The transaction takes SQLite's write lock with its first save.
        await using var transaction = await holder.Database.BeginTransactionAsync(Ct);
        holder.Scans.Add(Seed.Scan(Seed.Start.UtcDateTime));
        await holder.SaveChangesAsync(Ct);

        // A save outside it takes its turn at the gate, then waits in SQLite for the transaction's lock.
        waiter.Scans.Add(Seed.Scan(Seed.Start.UtcDateTime.AddSeconds(1)));
        var waiting = writes.NextWrite();
        var waiterSave = waiter.SaveChangesAsync(Ct);
        await waiting.WaitAsync(Ct);

        // The transaction's next save must not wait for the gate that the waiting save holds.
        holder.Scans.Add(Seed.Scan(Seed.Start.UtcDateTime.AddSeconds(2)));
        await holder.SaveChangesAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await transaction.CommitAsync(Ct);
        await waiterSave;

        await using var check = database.NewContext();
        Assert.Equal(3, await check.Scans.CountAsync(Ct));
    }

    private static HarrierDbContext NewContext(TestDatabase database, WriteRecorder writes)
    {
        var options = new DbContextOptionsBuilder<HarrierDbContext>();
        database.Configure(options);
        options.AddInterceptors(writes);
        return new HarrierDbContext(options.Options);
    }

    /// <summary>Counts INSERT commands and how many ran at the same time.</summary>
    private sealed class WriteRecorder : DbCommandInterceptor
    {
        private readonly Lock _lock = new();
        private int _running;
        private TaskCompletionSource? _next;

        public int Count { get; private set; }

        public int MostAtOnce { get; private set; }

        public Task NextWrite()
        {
            lock (_lock)
            {
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _next.Task;
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (IsInsert(command))
            {
                lock (_lock)
                {
                    Count++;
                    MostAtOnce = Math.Max(MostAtOnce, ++_running);
                    _next?.TrySetResult();
                    _next = null;
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

        private static bool IsInsert(DbCommand command) => command.CommandText.Contains("INSERT INTO", StringComparison.Ordinal);
    }
}
