using System.Globalization;
using System.Text;
using Harrier.Contracts.Models;
using Harrier.Core.Scans;

namespace Harrier.Scanning;

/// <summary>
/// Shows a running scan on stderr (stdout stays for results): a live one-line bar with state, phase, requests and
/// findings when the console is a terminal, plain lines (on every state or phase change, and every
/// <see cref="PlainInterval"/>) when it is not, as in CI logs.
/// </summary>
internal sealed class ScanProgress(TextWriter writer, bool live, TimeProvider time)
{
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);
    private const int BarWidth = 24;
    private readonly long _started = time.GetTimestamp();
    private string? _lastStage;
    private TimeSpan _lastPlain = TimeSpan.MinValue;
    private int _liveLength;

    /// <summary>Live on a terminal (stdout and stderr not redirected, <c>TERM</c> not <c>dumb</c>), plain otherwise.</summary>
    public static ScanProgress ForConsole(TimeProvider time) => new(
        Console.Error,
        !Console.IsOutputRedirected && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb",
        time);

    public void Report(ScanTaskModel scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var elapsed = time.GetElapsedTime(_started);
        var stage = scan.State + "/" + scan.Phase;
        if (live)
        {
            var line = LiveLine(scan, elapsed);
            writer.Write("\r" + line + new string(' ', Math.Max(0, _liveLength - line.Length)));
            _liveLength = line.Length;
        }
        else if (stage != _lastStage || elapsed - _lastPlain >= PlainInterval)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Clock(elapsed)}] {Describe(scan)}"));
            _lastPlain = elapsed;
        }

        _lastStage = stage;
        writer.Flush();
    }

    /// <summary>Ends the live line so what follows starts on a fresh one.</summary>
    public void Finish()
    {
        if (live && _liveLength > 0)
        {
            writer.WriteLine();
            _liveLength = 0;
            writer.Flush();
        }
    }

    public static string Findings(ScanTaskModel scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return string.Create(CultureInfo.InvariantCulture,
            $"{scan.VulnerabilityCriticalCount} critical, {scan.VulnerabilityHighCount} high, {scan.VulnerabilityMediumCount} medium, {scan.VulnerabilityLowCount} low, "
            + $"{scan.VulnerabilityInfoCount + scan.VulnerabilityBestPracticeCount} info");
    }

    private static string Describe(ScanTaskModel scan) => string.Create(CultureInfo.InvariantCulture,
        $"{Stage(scan)}  {scan.Percentage}%  requests {scan.CompletedSteps}/{Math.Max(scan.EstimatedSteps, scan.CompletedSteps)}  findings: {Findings(scan)}");

    private static string LiveLine(ScanTaskModel scan, TimeSpan elapsed)
    {
        var percentage = Math.Clamp(scan.Percentage, 0, 100);
        var filled = percentage * BarWidth / 100;
        var bar = new StringBuilder(BarWidth + 2).Append('[').Append('#', filled).Append('-', BarWidth - filled).Append(']');
        return string.Create(CultureInfo.InvariantCulture,
            $"{Clock(elapsed)} {Stage(scan),-28} {bar} {percentage,3}%  req {scan.CompletedSteps}  "
            + $"C{scan.VulnerabilityCriticalCount} H{scan.VulnerabilityHighCount} M{scan.VulnerabilityMediumCount} L{scan.VulnerabilityLowCount}");
    }

    private static string Stage(ScanTaskModel scan) =>
        scan.State == ScanTaskState.Scanning ? "Scanning: " + scan.Phase : scan.State.ToString();

    private static string Clock(TimeSpan elapsed) => elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
