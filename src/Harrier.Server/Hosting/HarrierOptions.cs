using System.ComponentModel.DataAnnotations;

namespace Harrier.Server.Hosting;

/// <summary>
/// Where Harrier listens and keeps its data (configuration section <c>Harrier</c>; every member is also a
/// <c>harrier serve</c> flag and a <c>Harrier__Member</c> environment variable).
/// </summary>
public sealed class HarrierOptions
{
    public const string Section = "Harrier";

    /// <summary>Listen addresses, separated by ';'. Default: <c>http://127.0.0.1:5000</c>.</summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:5000";

    /// <summary>Directory of the SQLite database and the encryption keys. Default: <c>./harrier-data</c>.</summary>
    [Required]
    public string DataDir { get; set; } = "./harrier-data";

    /// <summary>In-process scan agents. Default: 2; 0 runs an API server with no agents.</summary>
    [Range(0, 64)]
    public int Agents { get; set; } = 2;

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>The scheduled-scan launcher (<c>Harrier:Scheduler</c>).</summary>
    public Scheduling.SchedulerOptions Scheduler { get; set; } = new();
}

/// <summary>Configuration section <c>Harrier:Database</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>A PostgreSQL connection string; empty means the embedded SQLite file in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQLite only: <c>Normal</c> (default) keeps every commit through a process crash; <c>Full</c> also through a power
    /// loss, at one disk flush per commit (see <see cref="Storage.Sqlite.SqliteSynchronous"/>).
    /// </summary>
    public Storage.Sqlite.SqliteSynchronous SqliteSynchronous { get; set; } = Storage.Sqlite.SqliteSynchronous.Normal;
}
