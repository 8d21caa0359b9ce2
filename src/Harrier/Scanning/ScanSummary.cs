using System.Globalization;
using Harrier.Contracts.Models;
using Harrier.Core.Scans;

namespace Harrier.Scanning;

/// <summary>The human summary of a finished scan: its facts, a table of counts by severity, and the issues found.</summary>
internal static class ScanSummary
{
    private const int MaxListed = 50;

    public static void Write(TextWriter writer, ScanTaskModel scan, IReadOnlyList<VulnerabilityModel> findings, Severity? threshold)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(findings);
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(c, $"Scan      {scan.Id}"));
        writer.WriteLine(string.Create(c, $"Target    {scan.TargetUrl}"));
        writer.WriteLine(string.Create(c, $"State     {scan.State}{(scan.State == ScanTaskState.Complete ? "" : " — " + ScanOutcome.FailureText(scan))}"));
        writer.WriteLine(string.Create(c, $"Duration  {scan.Duration}   Requests  {scan.CompletedSteps}"));
        writer.WriteLine();
        writer.WriteLine("Severity       Count");
        foreach (var (name, count) in new[]
        {
            ("Critical", scan.VulnerabilityCriticalCount), ("High", scan.VulnerabilityHighCount), ("Medium", scan.VulnerabilityMediumCount),
            ("Low", scan.VulnerabilityLowCount), ("Information", scan.VulnerabilityInfoCount), ("Best practice", scan.VulnerabilityBestPracticeCount),
        })
        {
            writer.WriteLine(string.Create(c, $"{name,-13} {count,6}"));
        }

        if (findings.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Issues");
            foreach (var finding in findings.Take(MaxListed))
            {
                writer.WriteLine(string.Create(c, $"  {finding.Title ?? finding.Type}  {finding.Url}"));
            }

            if (findings.Count > MaxListed)
            {
                writer.WriteLine(string.Create(c, $"  … and {findings.Count - MaxListed} more (see the reports)"));
            }
        }

        if (threshold is { } severity && scan.State == ScanTaskState.Complete)
        {
            var count = ScanOutcome.CountAtOrAbove(scan, severity);
            writer.WriteLine();
            writer.WriteLine(count > 0
                ? string.Create(c, $"FAIL: {count} issue(s) at or above {severity} (--fail-on {severity.ToString().ToLowerInvariant()}).")
                : string.Create(c, $"PASS: no issue at or above {severity}."));
        }

        writer.Flush();
    }
}
