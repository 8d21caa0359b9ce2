using Harrier;
using Harrier.Server.Hosting;
using Harrier.Storage;
using Microsoft.Extensions.DependencyInjection;

const string Usage = """
    harrier — self-hosted web application security scanner with an Invicti-compatible API

    Usage:
      harrier serve [--urls URLS] [--data-dir DIR] [--database CONN] [--agents N]
          Runs the API server (and N in-process scan agents) on the embedded SQLite database in DIR.
          --urls      listen addresses, ';'-separated      (default http://127.0.0.1:5000)
          --data-dir  data directory                       (default ./harrier-data)
          --database  PostgreSQL connection string         (default: embedded SQLite)
          --agents    in-process scan agents               (default 2)
      harrier users create --name NAME --email EMAIL [--data-dir DIR]
          Creates an API user and prints its user id and API token (shown once).
      harrier --version

    Every option can also be set in appsettings.json or as an environment variable, e.g. Harrier__DataDir.
    """;

var commandLine = CommandLine.Parse(args);
try
{
    return commandLine.Command switch
    {
        ["serve"] => await ServeAsync(commandLine),
        ["users", "create"] => await CreateUserAsync(commandLine),
        [] when commandLine.Has("version") => PrintVersion(),
        _ => PrintUsage(commandLine.Command.Count == 0 && commandLine.Flags.Count == 0 || commandLine.Has("help") ? 0 : 2),
    };
}
catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
{
    await Console.Error.WriteLineAsync("harrier: " + ex.Message);
    return 2;
}

static async Task<int> ServeAsync(CommandLine commandLine)
{
    var app = HarrierServer.Create([], commandLine.SettingOverrides(new HashSet<string>()));
    await using (app)
    {
        await HarrierServer.RunAsync(app);
    }

    return 0;
}

static async Task<int> CreateUserAsync(CommandLine commandLine)
{
    var name = commandLine.Get("name");
    var email = commandLine.Get("email");
    if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email))
    {
        throw new ArgumentException("users create needs --name and --email.");
    }

    var app = HarrierServer.Create([], commandLine.SettingOverrides(new HashSet<string> { "name", "email" }));
    await using (app)
    {
        await HarrierServer.InitializeAsync(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HarrierDbContext>();
        var (id, token) = await UserAdministration.CreateUserAsync(db, TimeProvider.System, name, email, isAdmin: false);
        Console.WriteLine($"User ID:   {id}");
        Console.WriteLine($"API token: {token}");
    }

    return 0;
}

static int PrintVersion()
{
    Console.WriteLine("harrier " + typeof(CommandLine).Assembly.GetName().Version);
    return 0;
}

int PrintUsage(int exitCode)
{
    (exitCode == 0 ? Console.Out : Console.Error).WriteLine(Usage);
    return exitCode;
}
