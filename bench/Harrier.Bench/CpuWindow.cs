namespace Harrier.Bench;

/// <summary>CPU used during one run by the scanner process, the target process and everything else on the machine.</summary>
internal sealed class CpuWindow
{
    private readonly Func<TimeSpan> _scanner;
    private readonly Func<TimeSpan> _target;
    private readonly TimeSpan _scannerStart;
    private readonly TimeSpan _targetStart;
    private readonly TimeSpan _machineStart;

    public CpuWindow(Func<TimeSpan> scanner, Func<TimeSpan> target)
    {
        _scanner = scanner;
        _target = target;
        _scannerStart = scanner();
        _targetStart = target();
        _machineStart = MachineCpu.Busy();
    }

    /// <summary>Adds scanner/target CPU per request (µs) and the cores used by the scanner and by every other process.</summary>
    public void AddTo(Dictionary<string, double> values, double requests, double seconds) =>
        Add(values, requests, seconds, _scanner() - _scannerStart, _target() - _targetStart, MachineCpu.Busy() - _machineStart);

    /// <summary>The same from CPU times measured elsewhere; nothing for runs under a second (/proc/stat counts in 10 ms ticks).</summary>
    public static void Add(Dictionary<string, double> values, double requests, double seconds, TimeSpan scanner, TimeSpan target, TimeSpan machine)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (seconds < 1)
        {
            return;
        }

        if (requests > 0)
        {
            values[Columns.ScannerCpuPerRequest] = scanner.TotalMicroseconds / requests;
            values[Columns.TargetCpuPerRequest] = target.TotalMicroseconds / requests;
        }

        values[Columns.ScannerCores] = scanner.TotalSeconds / seconds;
        values[Columns.OtherCores] = Math.Max(0, (machine - scanner - target).TotalSeconds / seconds);
    }
}
