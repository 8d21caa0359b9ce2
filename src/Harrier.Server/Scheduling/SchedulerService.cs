using Microsoft.Extensions.Options;

namespace Harrier.Server.Scheduling;

/// <summary>
/// Every <see cref="SchedulerOptions.PollInterval"/>, launches the due scheduled scans (<see cref="ScheduleRunner"/>).
/// Runs in every <c>harrier serve</c> process; the runner's conditional claim keeps each run to one launch across them.
/// </summary>
internal sealed partial class SchedulerService(
    IServiceScopeFactory scopes, IOptions<SchedulerOptions> options, TimeProvider time, ILogger<SchedulerService> logger)
    : BackgroundService
{
    private readonly SchedulerOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.PollInterval, time, stoppingToken).ConfigureAwait(false);
                await using var scope = scopes.CreateAsyncScope();
                var launched = await scope.ServiceProvider.GetRequiredService<ScheduleRunner>()
                    .RunDueAsync(_options.BatchSize, stoppingToken).ConfigureAwait(false);
                foreach (var scan in launched)
                {
                    Launched(logger, scan.ScheduledScanId!.Value, scan.Id);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RoundFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {ScheduleId} launched scan {ScanId}")]
    private static partial void Launched(ILogger logger, Guid scheduleId, Guid scanId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduler round failed; retrying next round")]
    private static partial void RoundFailed(ILogger logger, Exception exception);
}
