using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Harrier.Core.Scans;
using Harrier.Engine;
using Harrier.Storage.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harrier.Agent;

/// <summary>
/// The agents of this process: each one claims the oldest queued scan it may run, runs it, and looks again. On start the
/// agents take back what they held before a crash and register in the agents table, which a heartbeat keeps fresh.
/// On shutdown running scans go back to the queue at once and the agents are marked terminated.
/// Expired leases of any agent are requeued by <see cref="LeaseReaperService"/>.
/// </summary>
public sealed class ScanAgentService(
    IServiceScopeFactory scopes, ScanEngine engine, ISecretProtector secrets, IOptions<AgentOptions> options,
    IOptions<EngineOptions> limits, TimeProvider time, ILogger<ScanAgentService> logger, int agentCount) : BackgroundService
{
    private readonly AgentOptions _options = options.Value;
    private readonly EngineOptions _limits = limits.Value;

    /// <summary>A stable identity per agent slot, so a restarted process recognises the scans it held.</summary>
    public static AgentIdentity Identity(string prefix, int slot)
    {
        var name = $"{prefix}-{slot}";
        return new AgentIdentity(new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("harrier-agent:" + name)).AsSpan(0, 16)), name);
    }

    /// <summary>The name prefix of this host's agents: <c>Harrier:Agent:Name</c>, or the machine name.</summary>
    public static string HostName(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Name) ? Environment.MachineName.ToLowerInvariant() : options.Name.Trim();
    }

    /// <summary>This host's agents, slot 1 to <paramref name="count"/>, with their process name and group for routing.</summary>
    public static IReadOnlyList<AgentIdentity> Identities(AgentOptions options, int count)
    {
        var host = HostName(options);
        var group = string.IsNullOrWhiteSpace(options.Group) ? null : options.Group.Trim();
        return [.. Enumerable.Range(1, count).Select(slot => Identity(host, slot) with { HostName = host, GroupName = group })];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var agents = Identities(_options, agentCount);
        var ids = agents.Select(a => a.Id).ToArray();
        await WithScopeAsync(async services =>
        {
            var leases = services.GetRequiredService<ScanLeases>();
            var registry = services.GetRequiredService<AgentRegistry>();
            foreach (var agent in agents)
            {
                await leases.RequeueHeldByAsync(agent, stoppingToken).ConfigureAwait(false);
                await registry.RegisterAsync(agent, s_description, _options.LeaseDuration, stoppingToken).ConfigureAwait(false);
            }
        }, stoppingToken).ConfigureAwait(false);

        try
        {
            var loops = agents.Select(agent => RunAgentAsync(agent, stoppingToken)).Append(HeartbeatAsync(ids, stoppingToken));
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        finally
        {
            await TerminateAsync(ids).ConfigureAwait(false);
        }
    }

    private static readonly AgentDescription s_description = new(
        Version(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, RuntimeInformation.ProcessArchitecture.ToString());

    private static string Version()
    {
        var version = typeof(ScanAgentService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(ScanAgentService).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        version = plus > 0 ? version[..plus] : version;
        return version.Length > 64 ? version[..64] : version;
    }

    private async Task RunAgentAsync(AgentIdentity agent, CancellationToken stoppingToken)
    {
        var execution = new ScanExecution(scopes, engine, secrets, _options, _limits, time, logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Storage.Entities.ScanEntity? claimed = null;
                await WithLeasesAsync(async leases =>
                    claimed = await leases.TryClaimAsync(agent, _options.LeaseDuration, stoppingToken, _options.MaxRunningScansPerUser).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                if (claimed is null)
                {
                    await Task.Delay(_options.IdlePollInterval, time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                AgentLog.Claimed(logger, agent.Name, claimed.Id);
                await SetRunningAsync(agent, claimed.Id).ConfigureAwait(false);
                try
                {
                    await execution.RunAsync(claimed, agent, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    AgentLog.RunFailed(logger, agent.Name, claimed.Id, ex);
                    await WithLeasesAsync(leases => leases.FinishAsync(claimed.Id, agent, ScanTaskState.Failed, ScanFailureReason.ErrorOccurredOnScanFailed,
                        "The agent failed while running the scan.", null, CancellationToken.None), CancellationToken.None).ConfigureAwait(false);
                }
                finally
                {
                    await SetRunningAsync(agent, null).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AgentLog.LoopFailed(logger, agent.Name, ex);
                await Task.Delay(_options.IdlePollInterval, time, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Keeps this host's rows in the agents registry alive (<c>agents/list</c> shows them NotAvailable otherwise).</summary>
    private async Task HeartbeatAsync(IReadOnlyCollection<Guid> ids, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HeartbeatInterval, time, stoppingToken).ConfigureAwait(false);
                await WithScopeAsync(services => services.GetRequiredService<AgentRegistry>()
                    .HeartbeatAsync(ids, _options.LeaseDuration, stoppingToken), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AgentLog.LoopFailed(logger, "agent-registry", ex);
            }
        }
    }

    private async Task SetRunningAsync(AgentIdentity agent, Guid? scanId)
    {
        try
        {
            await WithScopeAsync(services => services.GetRequiredService<AgentRegistry>().SetRunningAsync(agent.Id, scanId, CancellationToken.None),
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AgentLog.LoopFailed(logger, agent.Name, ex);
        }
    }

    private async Task TerminateAsync(IReadOnlyCollection<Guid> ids)
    {
        try
        {
            await WithScopeAsync(services => services.GetRequiredService<AgentRegistry>().TerminateAsync(ids, CancellationToken.None),
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AgentLog.LoopFailed(logger, "agent-registry", ex);
        }
    }

    private async Task WithScopeAsync(Func<IServiceProvider, Task> action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider).ConfigureAwait(false);
    }

    private async Task WithLeasesAsync(Func<ScanLeases, Task> action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ScanLeases>()).ConfigureAwait(false);
    }
}
