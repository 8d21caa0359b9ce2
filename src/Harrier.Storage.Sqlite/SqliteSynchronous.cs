using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Harrier.Storage.Sqlite;

/// <summary>
/// When SQLite waits for the disk (<c>PRAGMA synchronous</c>). With the write-ahead log, <see cref="Normal"/> keeps every
/// committed transaction through a crash of the process (SIGKILL included) and never corrupts the file; only a power
/// loss or an OS crash can lose the last transactions before a checkpoint. <see cref="Full"/> also survives those, at one
/// disk flush per commit, which caps launches at the disk's flush rate (about 100 per second on a typical virtual disk).
/// </summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}

/// <summary>Sets <c>PRAGMA synchronous</c> on every opened connection: it is a per-connection setting, not stored in the file.</summary>
internal sealed class SynchronousPragma(string pragma) : DbConnectionInterceptor
{
    public static readonly SynchronousPragma Normal = new("PRAGMA synchronous=NORMAL;");
    public static readonly SynchronousPragma Full = new("PRAGMA synchronous=FULL;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
