using Harrier.Core.Findings;

namespace Harrier.Reports;

/// <summary>
/// Everything a report shows about one finished scan: the input of every writer in this library. The server maps its
/// storage to this value; the writers are pure functions of it and of <see cref="ReportOptions"/>.
/// </summary>
public sealed record ReportDocument
{
    public required ReportScan Scan { get; init; }

    /// <summary>Every finding of the scan; the writers filter them by <see cref="ReportOptions"/>.</summary>
    public IReadOnlyList<ReportVulnerability> Vulnerabilities { get; init; } = [];

    /// <summary>What the crawler found (the Crawled report); those with <see cref="CrawledResource.Attacked"/> make the Scanned report.</summary>
    public IReadOnlyList<CrawledResource> Resources { get; init; } = [];

    /// <summary>When the report is generated (the caller takes it from its <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset Generated { get; init; }
}
