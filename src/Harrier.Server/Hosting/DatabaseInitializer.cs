using System.Data.Common;
using Harrier.Core.Scans;
using Harrier.Storage;
using Harrier.Storage.Issues;
using Harrier.Storage.Postgres;
using Harrier.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Harrier.Server.Hosting;

/// <summary>
/// Runs before the server listens: applies migrations, and on an empty database creates the first (admin) user,
/// from <c>HARRIER_BOOTSTRAP_USER_ID</c>/<c>HARRIER_BOOTSTRAP_API_TOKEN</c> when set, otherwise with generated
/// credentials that are printed once and written to <c>initial-credentials.txt</c> (mode 0600) in the data directory.
/// On PostgreSQL all of it runs under a session advisory lock, so several servers and agents may start at once: the first
/// migrates and creates the first user and the encryption key, the others wait and then find them done.
/// </summary>
internal sealed partial class DatabaseInitializer(
    HarrierDbContext db, TimeProvider time, IConfiguration configuration, IOptions<HarrierOptions> options, ISecretProtector secrets,
    ILogger<DatabaseInitializer> logger)
{
    public const string CredentialsFileName = "initial-credentials.txt";

    public Task InitializeAsync(CancellationToken cancellationToken) => InitializeAsync(createFirstUser: true, cancellationToken);

    /// <summary>Migrates, and creates the first user when <paramref name="createFirstUser"/> (servers do; agents don't).</summary>
    public async Task InitializeAsync(bool createFirstUser, CancellationToken cancellationToken)
    {
        if (!db.IsPostgres)
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await SqliteStorage.EnableWriteAheadLogAsync(db, cancellationToken).ConfigureAwait(false);
            await new IssueTracker(db, time).ApplyAllPendingAsync(cancellationToken).ConfigureAwait(false);
            if (createFirstUser)
            {
                await CreateFirstUserAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            await PostgresStorage.WithInitializationLockAsync(db, async () =>
            {
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                // The first protect creates the shared key ring in the database: under the lock, so only one process creates it.
                secrets.Protect("harrier");
                // Completed scans that predate issue tracking (or a crash before it) get their issues now, in completion order.
                await new IssueTracker(db, time).ApplyAllPendingAsync(cancellationToken).ConfigureAwait(false);
                if (createFirstUser)
                {
                    await CreateFirstUserAsync(cancellationToken).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException || ex.InnerException is DbException)
        {
            // Npgsql's execution strategy wraps connection failures ("likely due to a transient failure"): name the real cause.
            var cause = ex as DbException ?? (DbException)ex.InnerException!;
            var where = PostgresStorage.Describe(db.Database.GetConnectionString() ?? "");
            throw new InvalidOperationException($"Cannot use the PostgreSQL database at {where} (--database): {cause.Message}", ex);
        }
    }

    private async Task CreateFirstUserAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var bootstrapId = configuration["HARRIER_BOOTSTRAP_USER_ID"];
        var bootstrapToken = configuration["HARRIER_BOOTSTRAP_API_TOKEN"];
        if (!string.IsNullOrEmpty(bootstrapId) && !string.IsNullOrEmpty(bootstrapToken))
        {
            if (!Guid.TryParse(bootstrapId, out var id))
            {
                throw new InvalidOperationException("HARRIER_BOOTSTRAP_USER_ID must be a GUID.");
            }

            await UserAdministration.CreateUserAsync(db, time, "Administrator", "admin@localhost", isAdmin: true, id, bootstrapToken, cancellationToken)
                .ConfigureAwait(false);
            LogBootstrapped(logger, id);
            return;
        }

        var (userId, token) = await UserAdministration.CreateUserAsync(db, time, "Administrator", "admin@localhost", isAdmin: true, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var path = Path.Combine(options.Value.DataDir, CredentialsFileName);
        var text = $"Harrier API credentials (shown once; keep them safe)\nUser ID:   {userId}\nAPI token: {token}\n";
        await WritePrivateFileAsync(path, text, cancellationToken).ConfigureAwait(false);
        // Printed once on the console on purpose, not logged: log sinks must never hold secrets.
        await Console.Out.WriteAsync($"\n{text}Also written to {Path.GetFullPath(path)}\n\n").ConfigureAwait(false);
    }

    private static async Task WritePrivateFileAsync(string path, string text, CancellationToken cancellationToken)
    {
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(path, fileOptions);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap administrator {UserId}")]
    private static partial void LogBootstrapped(ILogger logger, Guid userId);
}
