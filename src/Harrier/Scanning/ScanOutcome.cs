using Harrier.Cli;
using Harrier.Contracts.Models;
using Harrier.Core.Scans;

namespace Harrier.Scanning;

/// <summary>The exit code a finished scan earns: 3 failed or cancelled, 1 issues at or above the threshold, else 0.</summary>
internal static class ScanOutcome
{
    public static int ExitCode(ScanTaskModel scan, Severity? threshold)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (scan.State != ScanTaskState.Complete)
        {
            return ExitCodes.ScanFailed;
        }

        return threshold is { } severity && CountAtOrAbove(scan, severity) > 0 ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Clean;
    }

    /// <summary>Issues of <paramref name="threshold"/> or worse, from the scan's severity counts.</summary>
    public static int CountAtOrAbove(ScanTaskModel scan, Severity threshold)
    {
        ArgumentNullException.ThrowIfNull(scan);
        (Severity Severity, int Count)[] counts =
        [
            (Severity.Critical, scan.VulnerabilityCriticalCount),
            (Severity.High, scan.VulnerabilityHighCount),
            (Severity.Medium, scan.VulnerabilityMediumCount),
            (Severity.Low, scan.VulnerabilityLowCount),
            (Severity.Information, scan.VulnerabilityInfoCount),
            (Severity.BestPractice, scan.VulnerabilityBestPracticeCount),
        ];
        return counts.Where(c => c.Severity >= threshold).Sum(c => c.Count);
    }

    /// <summary>Why a scan did not complete, in one line.</summary>
    public static string FailureText(ScanTaskModel scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var reason = scan.FailureReasonDescription ?? scan.FailureReasonString ?? scan.FailureReason?.ToString();
        return scan.State == ScanTaskState.Cancelled
            ? $"Scan {scan.Id} was cancelled."
            : $"Scan {scan.Id} failed" + (string.IsNullOrWhiteSpace(reason) ? "." : ": " + reason.ReplaceLineEndings(" "));
    }
}
