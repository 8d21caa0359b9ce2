namespace Harrier.Reports;

/// <summary>Which resources a URL-list report holds: everything crawled, or only what was attacked.</summary>
public enum ResourceList
{
    Crawled,
    Scanned,
}
