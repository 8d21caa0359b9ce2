namespace Harrier.Engine.Scanning;

/// <summary>Sends a progress snapshot to the sink about once a second until stopped.</summary>
internal static class ProgressReporter
{
    public static async Task RunAsync(IScanSink sink, TimeProvider timeProvider, Func<ScanProgress> snapshot, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await sink.ProgressAsync(snapshot(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the scan.
        }
    }
}
