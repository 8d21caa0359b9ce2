using System.CommandLine;
using Harrier.Server.Hosting;

namespace Harrier.Commands;

/// <summary>
/// <c>harrier agent</c>: a scan agent process with no HTTP that claims queued scans from a shared database (normally
/// PostgreSQL) until SIGTERM or Ctrl-C, when its running scans go back to the queue at once.
/// </summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var database = new Option<string?>("--database")
        {
            Description = "Connection string of the shared PostgreSQL database (Harrier__Database__ConnectionString).",
            HelpName = "CONN",
        };
        var name = new Option<string?>("--name") { Description = "Agent name; its agents are NAME-1…N (default: the machine name).", HelpName = "NAME" };
        var group = new Option<string?>("--group") { Description = "Agent group, for scans launched with AgentGroupName.", HelpName = "GROUP" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Scans this process runs at once (default 2).", HelpName = "N" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory when sharing an embedded SQLite database (tests, one machine).", HelpName = "DIR" };
        var command = new Command("agent", "Run scan agents against a shared database, without an API server. "
            + "Every option can also come from appsettings.json or Harrier__… environment variables; flags win.");
        foreach (var option in new Option[] { database, name, group, concurrency, dataDir })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) => await ServerErrors.AsUsageErrorsAsync(async () =>
        {
            var overrides = new Dictionary<string, string?>();
            Set(overrides, "Harrier:Database:ConnectionString", parseResult.GetValue(database));
            Set(overrides, "Harrier:Agent:Name", parseResult.GetValue(name));
            Set(overrides, "Harrier:Agent:Group", parseResult.GetValue(group));
            Set(overrides, "Harrier:Agents", parseResult.GetValue(concurrency)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Set(overrides, "Harrier:DataDir", parseResult.GetValue(dataDir));
            using var host = HarrierAgentHost.Create([], overrides);
            await HarrierAgentHost.RunAsync(host, cancellationToken);
            return 0;
        }));
        return command;
    }

    private static void Set(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[key] = value;
        }
    }
}
