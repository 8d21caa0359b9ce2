using Harrier.Client;
using Harrier.Contracts.Models;
using Harrier.Core.Scans;

namespace Harrier.Scanning;

/// <summary>What <c>scan</c> and <c>scans wait</c> do with a finished scan: reports, summary, exit code.</summary>
internal static class ScanResults
{
    public static async Task<int> ReportAsync(
        HarrierApiClient client, ScanTaskModel scan, IReadOnlyList<ReportTarget> targets, Severity? failOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(targets);
        var scanId = scan.Id ?? Guid.Empty;
        var findings = await client.ResultAsync(scanId, cancellationToken);

        // The summary goes to stdout unless a report does.
        var summary = targets.Any(t => t.Path is null) ? Console.Error : Console.Out;
        ScanSummary.Write(summary, scan, findings, failOn);
        if (scan.State != ScanTaskState.Complete)
        {
            await Console.Error.WriteLineAsync("harrier: " + ScanOutcome.FailureText(scan) + (targets.Count > 0 ? " No report written." : ""));
            return ScanOutcome.ExitCode(scan, failOn);
        }

        await ReportDownloader.DownloadAsync(client, scanId, targets, Console.Error, cancellationToken);
        return ScanOutcome.ExitCode(scan, failOn);
    }
}
