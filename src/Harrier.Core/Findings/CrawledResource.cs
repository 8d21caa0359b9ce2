namespace Harrier.Core.Findings;

/// <summary>A request the crawler found and whether the attack phase covered it (Crawled/Scanned reports, incremental scans).</summary>
public sealed record CrawledResource(
    string Url,
    string Method,
    IReadOnlyList<string> ParameterNames,
    int StatusCode,
    string? ContentType,
    string? ResponseHash,
    bool Attacked);
