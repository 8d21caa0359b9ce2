using Harrier.Cli;
using Harrier.Client;
using Harrier.Contracts.Models;
using Harrier.Core.Scans;

namespace Harrier.Scanning;

/// <summary>Polls a scan (<c>scans/detail/{id}</c>: state, phase, steps and counts) until it is Complete, Failed or Cancelled.</summary>
internal sealed class ScanWatcher(HarrierApiClient client, ScanProgress progress, TimeProvider time)
{
    public static bool IsFinished(ScanTaskState state) => state is ScanTaskState.Complete or ScanTaskState.Failed or ScanTaskState.Cancelled;

    /// <summary>The finished scan. A <paramref name="timeout"/> that runs out is a <see cref="CliException"/> with exit code 3.</summary>
    public async Task<ScanTaskModel> WaitAsync(Guid scanId, TimeSpan pollInterval, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            while (true)
            {
                var scan = await client.DetailAsync(scanId, cancellationToken);
                progress.Report(scan);
                if (IsFinished(scan.State))
                {
                    return scan;
                }

                if (timeout is { } limit && time.GetElapsedTime(started) >= limit)
                {
                    throw new CliException($"Gave up waiting for scan {scanId} after {limit}; it is still {scan.State}.", ExitCodes.ScanFailed);
                }

                await Task.Delay(pollInterval, time, cancellationToken);
            }
        }
        finally
        {
            progress.Finish();
        }
    }
}
