using Harrier.Agent;
using Microsoft.Extensions.Options;

namespace Harrier.Server.Hosting;

/// <summary>
/// Composition root of <c>harrier agent</c>: a process with no HTTP that runs <c>Harrier:Agents</c> scan agents (its
/// concurrency) against the shared database, normally PostgreSQL (<c>Harrier:Database:ConnectionString</c>). Agents are named
/// <c>Harrier:Agent:Name</c>-1…N (default: the machine name) and belong to <c>Harrier:Agent:Group</c>. On SIGTERM or Ctrl-C
/// the running scans go back to the queue at once; after SIGKILL their leases expire and another agent takes them.
/// </summary>
public static class HarrierAgentHost
{
    /// <summary>Builds the agent host. <paramref name="overrides"/> (command-line flags) win over every other configuration source.</summary>
    public static IHost Create(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var options = builder.Configuration.GetSection(HarrierOptions.Section).Get<HarrierOptions>() ?? new HarrierOptions();
        if (options.Agents < 1)
        {
            throw new ArgumentException("An agent process needs at least one agent (--concurrency / Harrier:Agents ≥ 1).");
        }

        var dataDir = Path.GetFullPath(options.DataDir);
        if (!HarrierStorage.UsesPostgres(options))
        {
            Directory.CreateDirectory(dataDir);
        }

        builder.Services.AddOptions<HarrierOptions>().BindConfiguration(HarrierOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.DataDir = dataDir);
        HarrierStorage.Add(builder.Services, options, dataDir);
        builder.Services.AddScanAgents(options.Agents);
        return SettingsValidation.Validated(builder.Build());
    }

    /// <summary>Applies migrations (under the PostgreSQL initialization lock) and makes sure the shared key ring exists.</summary>
    public static async Task InitializeAsync(IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var scope = host.Services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(createFirstUser: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Initializes, then runs the agents until SIGTERM or Ctrl-C (or <paramref name="cancellationToken"/>).</summary>
    public static async Task RunAsync(IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        await InitializeAsync(host, cancellationToken).ConfigureAwait(false);
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The names this host's agents register under (for logs and tests).</summary>
    public static IReadOnlyList<string> AgentNames(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var agentOptions = host.Services.GetRequiredService<IOptions<AgentOptions>>().Value;
        var count = host.Services.GetRequiredService<IOptions<HarrierOptions>>().Value.Agents;
        return [.. ScanAgentService.Identities(agentOptions, count).Select(a => a.Name)];
    }
}
