using Harrier.Core.Scans;

namespace Harrier.Reports;

/// <summary>The summary of the scan a report describes.</summary>
public sealed record ReportScan
{
    public required Guid Id { get; init; }

    /// <summary>The absolute URL the scan started from.</summary>
    public required string TargetUrl { get; init; }

    public string? WebsiteName { get; init; }

    public string? WebsiteUrl { get; init; }

    public string? PolicyName { get; init; }

    public required DateTimeOffset Initiated { get; init; }

    /// <summary>When the scan reached a terminal state; <c>null</c> while it runs.</summary>
    public DateTimeOffset? Finished { get; init; }

    public TimeSpan Duration { get; init; }

    public ScanTaskState State { get; init; } = ScanTaskState.Complete;

    public ScanType ScanType { get; init; } = ScanType.Full;

    public ReportScanConfiguration Configuration { get; init; } = new();

    /// <summary>The CI build and commit that launched the scan, when a CI plugin did.</summary>
    public ReportCommitInfo? Commit { get; init; }
}
