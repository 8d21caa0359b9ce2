namespace Harrier.Reports.Taxonomies;

/// <summary>One entry of a classification list (OWASP Top 10, CWE Top 25, WASC): its id as written in findings and its name.</summary>
internal sealed record Category(string Id, string Name);
