using Harrier.Core.Scans;
using Harrier.Storage;
using Harrier.Storage.Postgres;
using Harrier.Storage.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Harrier.Server.Hosting;

/// <summary>
/// The storage every Harrier process shares: the database (SQLite in the data directory, or PostgreSQL when
/// <c>Harrier:Database:ConnectionString</c> is set) and the Data Protection keys (data directory on SQLite, the database on
/// PostgreSQL, so all servers and agents use one key ring). Used by <see cref="HarrierServer"/> and <see cref="HarrierAgentHost"/>.
/// </summary>
internal static class HarrierStorage
{
    public static bool UsesPostgres(HarrierOptions options) => !string.IsNullOrWhiteSpace(options.Database.ConnectionString);

    public static void Add(IServiceCollection services, HarrierOptions options, string dataDir)
    {
        services.AddSingleton(TimeProvider.System);
        var dataProtection = services.AddDataProtection().SetApplicationName("Harrier");
        if (UsesPostgres(options))
        {
            var connectionString = options.Database.ConnectionString!;
            PostgresStorage.Validate(connectionString);
            services.AddDbContextPool<HarrierDbContext>(db => PostgresStorage.Configure(db, connectionString));
            services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((keys, scopes) => keys.XmlRepository = new DatabaseXmlRepository(scopes));
        }
        else
        {
            services.AddDbContextPool<HarrierDbContext>(db => SqliteStorage.Configure(db, dataDir, options.Database.SqliteSynchronous));
            dataProtection.PersistKeysToFileSystem(PrivateDirectory(Path.Combine(dataDir, "keys")));
        }

        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddScoped<DatabaseInitializer>();
    }

    /// <summary>The key ring directory, readable by the server's own user only (keys are not further encrypted on Linux).</summary>
    private static DirectoryInfo PrivateDirectory(string path) =>
        OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
