using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Harrier.Storage.Postgres;

/// <summary>
/// The scale-out store: one PostgreSQL database shared by every <c>harrier serve</c> and <c>harrier agent</c> process
/// (DESIGN §7). Same model as SQLite, its own migrations in this assembly.
/// </summary>
public static partial class PostgresStorage
{
    /// <summary>The session advisory lock held while migrations run and the first user is created, so servers may start together.</summary>
    public const long InitializationLockKey = 0x6861_7272_6965_7200;

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options.UseNpgsql(WithDefaults(connectionString), npgsql => npgsql.MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name));
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new PostgresTranslationsExtension());
    }

    /// <summary>
    /// The connection string with Harrier's defaults for what it leaves unset: statements a connection runs five times
    /// (status polling, scan models, claims) are prepared on the server, so PostgreSQL stops parsing and planning them on
    /// every call (about +25 % requests/s on the API load benchmark). An explicit <c>Max Auto Prepare</c> wins; 0 turns it off.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        if (MaxAutoPrepareKeyword().IsMatch(connectionString))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 50 }.ConnectionString;
    }

    /// <summary>Checks that <paramref name="connectionString"/> parses, with a message that names the problem.</summary>
    public static void Validate(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("The PostgreSQL connection string (--database) is not valid: " + ex.Message, nameof(connectionString), ex);
        }
    }

    /// <summary>"host:port/database" of a connection string, for messages (never the password).</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>Runs <paramref name="action"/> while holding the initialization advisory lock on this context's connection.</summary>
    public static async Task WithInitializationLockAsync(HarrierDbContext db, Func<Task> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(action);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({InitializationLockKey})", cancellationToken).ConfigureAwait(false);
            try
            {
                await action().ConfigureAwait(false);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({InitializationLockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"max\s*auto\s*prepare", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaxAutoPrepareKeyword();
}
