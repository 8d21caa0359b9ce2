using Harrier.Core.Scans;

namespace Harrier.Reports;

/// <summary>The part of a scan's launch configuration a report shows.</summary>
public sealed record ReportScanConfiguration
{
    public ScanTaskScope Scope { get; init; } = ScanTaskScope.EnteredPathAndBelow;

    /// <summary>Regular expressions of URLs the scan never requested.</summary>
    public IReadOnlyList<string> ExcludedLinks { get; init; } = [];

    public IReadOnlyList<HttpMethodName> DisallowedHttpMethods { get; init; } = [];

    /// <summary>The longest the scan was allowed to run; <c>null</c> when unlimited.</summary>
    public TimeSpan? MaxScanDuration { get; init; }

    /// <summary>Other sites the scan was allowed to follow into.</summary>
    public IReadOnlyList<string> AdditionalWebsites { get; init; } = [];

    /// <summary>How the scan authenticated, in words (e.g. "Form authentication"); <c>null</c> when it did not.</summary>
    public string? Authentication { get; init; }
}
