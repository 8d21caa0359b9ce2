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
/// The agents of this process: each one claims the oldest queued scan, runs it, and looks again. On start the
/// agents take back what they held before a crash; while running, expired leases of any agent are requeued.
/// On shutdown running scans go back to the queue at once.
/// </summary>
public sealed class ScanAgentService(
    IServiceScopeFactory scopes, ScanEngine engine, ISecretProtector secrets, IOptions<AgentOptions> options,
    TimeProvider time, ILogger<ScanAgentService> logger, int agentCount) : BackgroundService
{
    private readonly AgentOptions _options = options.Value;

    /// <summary>A stable identity per agent slot, so a restarted process recognises the scans it held.</summary>
    public static AgentIdentity Identity(string prefix, int slot)
    {
        var name = $"{prefix}-{slot}";
        return new AgentIdentity(new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("harrier-agent:" + name)).AsSpan(0, 16)), name);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var prefix = string.IsNullOrWhiteSpace(_options.Name) ? Environment.MachineName.ToLowerInvariant() : _options.Name;
        var agents = Enumerable.Range(1, agentCount).Select(slot => Identity(prefix, slot)).ToList();
        await WithLeasesAsync(async leases =>
        {
            foreach (var agent in agents)
            {
                await leases.RequeueHeldByAsync(agent, stoppingToken).ConfigureAwait(false);
            }
        }, stoppingToken).ConfigureAwait(false);

        var loops = agents.Select(agent => RunAgentAsync(agent, stoppingToken)).Append(ReapAsync(stoppingToken));
        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    private async Task RunAgentAsync(AgentIdentity agent, CancellationToken stoppingToken)
    {
        var execution = new ScanExecution(scopes, engine, secrets, _options, time, logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Storage.Entities.ScanEntity? claimed = null;
                await WithLeasesAsync(async leases =>
                    claimed = await leases.TryClaimAsync(agent, _options.LeaseDuration, stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                if (claimed is null)
                {
                    await Task.Delay(_options.IdlePollInterval, time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                AgentLog.Claimed(logger, agent.Name, claimed.Id);
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

    private async Task ReapAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HeartbeatInterval, time, stoppingToken).ConfigureAwait(false);
                await WithLeasesAsync(async leases =>
                {
                    var count = await leases.RequeueExpiredAsync(_options.MaxAttempts, stoppingToken).ConfigureAwait(false);
                    if (count > 0)
                    {
                        AgentLog.Requeued(logger, count);
                    }
                }, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AgentLog.LoopFailed(logger, "lease-reaper", ex);
            }
        }
    }

    private async Task WithLeasesAsync(Func<ScanLeases, Task> action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ScanLeases>()).ConfigureAwait(false);
    }
}
