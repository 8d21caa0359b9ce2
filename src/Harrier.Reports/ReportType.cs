namespace Harrier.Reports;

/// <summary>The Invicti <c>ReportType</c> values this library renders. Member names are the wire names.</summary>
public enum ReportType
{
    Crawled,
    Scanned,
    Vulnerabilities,
    ScanDetail,
    FullScanDetail,
    ExecutiveSummary,
    OwaspTopTen2013,
    OwaspTopTen2017,
    OwaspTopTen2021,
    SansTop25,
    WASC,
    Pci32,
}
