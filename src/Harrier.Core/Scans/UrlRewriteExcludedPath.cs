namespace Harrier.Core.Scans;

/// <summary>A path that URL-rewrite handling leaves alone.</summary>
public sealed record UrlRewriteExcludedPath(string ExcludedPath, bool IsRegex);
