namespace Harrier.Core.Scans;

/// <summary>Another site whose URLs are inside the scan's scope.</summary>
public sealed record AdditionalWebsite(string TargetUrl, bool Canonical);
