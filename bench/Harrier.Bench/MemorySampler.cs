using System.Diagnostics;

namespace Harrier.Bench;

/// <summary>
/// Samples this process's GC heap every 50 ms and reads the kernel's peak resident set (VmHWM) at the end,
/// so short peaks between samples still count in the working-set figure.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<long> _sampling;

    private MemorySampler()
    {
        ProcStatus.ResetPeak(Environment.ProcessId);
        _sampling = SampleAsync(_stop.Token);
    }

    public static MemorySampler Start() => new();

    public async Task<(long PeakWorkingSetBytes, long PeakGcHeapBytes)> StopAsync()
    {
        await _stop.CancelAsync();
        var gcPeak = await _sampling;
        var hwm = ProcStatus.PeakResidentBytes(Environment.ProcessId) ?? Process.GetCurrentProcess().PeakWorkingSet64;
        return (hwm, gcPeak);
    }

    public void Dispose() => _stop.Dispose();

    private static async Task<long> SampleAsync(CancellationToken cancellationToken)
    {
        long peak = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            do
            {
                peak = Math.Max(peak, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }

        return Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
    }
}
