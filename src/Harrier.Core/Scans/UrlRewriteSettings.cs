namespace Harrier.Core.Scans;

/// <summary>How the crawler recognises parameters hidden in URL paths.</summary>
public sealed record UrlRewriteSettings
{
    public UrlRewriteMode Mode { get; init; } = UrlRewriteMode.Heuristic;

    public string AnalyzableExtensions { get; init; } = "htm,html";

    public string BlockSeparators { get; init; } = "/$.,;|:";

    public bool EnableHeuristicChecksInCustomUrlRewrite { get; init; }

    public IReadOnlyList<UrlRewriteRule> Rules { get; init; } = [];

    public IReadOnlyList<UrlRewriteExcludedPath> ExcludedPaths { get; init; } = [];
}
