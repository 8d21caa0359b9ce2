using Harrier.Storage.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harrier.Agent;

/// <summary>
/// Every heartbeat interval, puts back in the queue the scans whose agent stopped renewing its lease (killed, machine gone),
/// and fails those that used up <see cref="AgentOptions.MaxAttempts"/>. Runs in every server and agent process; with several
/// processes on one PostgreSQL exactly one acts per round (<see cref="ScanLeases.TryReapExpiredAsync"/>: an advisory lock,
/// over conditional UPDATEs that are harmless even when repeated).
/// </summary>
public sealed class LeaseReaperService(IServiceScopeFactory scopes, IOptions<AgentOptions> options, TimeProvider time, ILogger<LeaseReaperService> logger)
    : BackgroundService
{
    private readonly AgentOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HeartbeatInterval, time, stoppingToken).ConfigureAwait(false);
                await using var scope = scopes.CreateAsyncScope();
                var count = await scope.ServiceProvider.GetRequiredService<ScanLeases>()
                    .TryReapExpiredAsync(_options.MaxAttempts, stoppingToken).ConfigureAwait(false);
                if (count > 0)
                {
                    AgentLog.Requeued(logger, count.Value);
                }
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
}
