using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Storage.Sqlite;

/// <summary>The embedded default: one SQLite file in the data directory, in WAL mode so readers never wait for the writer.</summary>
public static class SqliteStorage
{
    public const string FileName = "harrier.db";

    public static string ConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, FileName),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Waits for a busy writer instead of failing: many concurrent launches serialize on the one write lock.
        DefaultTimeout = 60,
    }.ToString();

    public static void Configure(DbContextOptionsBuilder options, string dataDirectory, SqliteSynchronous synchronous = SqliteSynchronous.Normal)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseSqlite(ConnectionString(dataDirectory), sqlite =>
            sqlite.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name));
        options.AddInterceptors(
            synchronous == SqliteSynchronous.Full ? SynchronousPragma.Full : SynchronousPragma.Normal,
            new SqliteWriteGate(Path.Combine(dataDirectory, FileName)));
    }

    /// <summary>WAL journal: set once per database file; it persists.</summary>
    public static async Task EnableWriteAheadLogAsync(HarrierDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
    }
}
