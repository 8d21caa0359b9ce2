using Harrier.Storage.Postgres;
using Harrier.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Harrier.Storage.Tests.Infrastructure;

/// <summary>One empty, migrated database per test, on one provider. Migrations run once, into a template that each test copies.</summary>
public abstract class TestDatabases : IAsyncLifetime
{
    public abstract string ProviderName { get; }

    /// <summary>A fresh database with every migration applied (skips the test when the provider is not available).</summary>
    public abstract Task<TestDatabase> CreateAsync(CancellationToken cancellationToken);

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();
}

/// <summary>A database of one test: hand out as many contexts (connections) as the test needs.</summary>
public sealed class TestDatabase(Action<DbContextOptionsBuilder> configure, Func<ValueTask> drop) : IAsyncDisposable
{
    public Action<DbContextOptionsBuilder> Configure { get; } = configure;

    public HarrierDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<HarrierDbContext>();
        Configure(options);
        return new HarrierDbContext(options.Options);
    }

    public ValueTask DisposeAsync() => drop();
}

public sealed class SqliteDatabases : TestDatabases
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "harrier-storage-tests-" + Guid.NewGuid().ToString("N"));

    public override string ProviderName => "SQLite";

    public override async ValueTask InitializeAsync()
    {
        var template = Path.Combine(_root, "template");
        Directory.CreateDirectory(template);
        var options = new DbContextOptionsBuilder<HarrierDbContext>();
        SqliteStorage.Configure(options, template);
        await using var db = new HarrierDbContext(options.Options);
        await db.Database.MigrateAsync();
        SqliteConnection.ClearAllPools();
    }

    public override Task<TestDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(_root, "template", SqliteStorage.FileName), Path.Combine(directory, SqliteStorage.FileName));
        var database = new TestDatabase(options => SqliteStorage.Configure(options, directory), () => ValueTask.CompletedTask);
        return Task.FromResult(database);
    }

    public override async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// A real PostgreSQL from <c>HARRIER_TEST_POSTGRES</c> (a connection string whose user may create databases; eng/test.sh
/// starts a throwaway cluster and sets it). Unset: every PostgreSQL test is skipped, never failed.
/// </summary>
public sealed class PostgresDatabases : TestDatabases
{
    public const string Variable = "HARRIER_TEST_POSTGRES";
    private readonly string _template = "harrier_template_" + Guid.NewGuid().ToString("N");
    private readonly string? _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
    private readonly SemaphoreSlim _create = new(1, 1);

    public override string ProviderName => "PostgreSQL";

    /// <summary>A connection string to <paramref name="database"/> on the test server; skips the test when there is none.</summary>
    public string ConnectionString(string database)
    {
        if (_server is null)
        {
            RequireOrSkip();
        }

        return new NpgsqlConnectionStringBuilder(_server) { Database = database, Pooling = true, MaxPoolSize = 40 }.ConnectionString;
    }

    /// <summary>Skips the test when no PostgreSQL is configured; under CI (<c>CI=true</c>) fails it instead, since a skip is not a pass.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void RequireOrSkip()
    {
        var message = $"{Variable} is not set: no PostgreSQL to run on (eng/test.sh starts one).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " Under CI the PostgreSQL tests must run.");
        }

        Assert.Skip(message);
    }

    public override async ValueTask InitializeAsync()
    {
        if (_server is null)
        {
            return;
        }

        await ExecuteAsync($"CREATE DATABASE \"{_template}\"", CancellationToken.None);
        var options = new DbContextOptionsBuilder<HarrierDbContext>();
        PostgresStorage.Configure(options, ConnectionString(_template));
        await using (var db = new HarrierDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>An empty database (no migrations) for processes that migrate it themselves; dropped by the returned handle.</summary>
    public async Task<(string ConnectionString, IAsyncDisposable Drop)> CreateEmptyAsync(CancellationToken cancellationToken)
    {
        var name = "harrier_e2e_" + Guid.NewGuid().ToString("N");
        var connectionString = ConnectionString(name);
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return (connectionString, new TestDatabase(_ => { }, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
        }));
    }

    public override async Task<TestDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var name = "harrier_test_" + Guid.NewGuid().ToString("N");
        var connectionString = ConnectionString(name);
        // CREATE DATABASE … TEMPLATE needs the template alone: one copy at a time.
        await _create.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"", cancellationToken);
        }
        finally
        {
            _create.Release();
        }

        return new TestDatabase(options => PostgresStorage.Configure(options, connectionString), async () =>
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_template}\" WITH (FORCE)", CancellationToken.None);
        }

        _create.Dispose();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
