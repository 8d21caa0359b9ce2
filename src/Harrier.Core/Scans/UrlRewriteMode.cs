namespace Harrier.Core.Scans;

/// <summary>How the crawler recognises URL-rewritten parameters. Member names are the wire names; never rely on ordinals.</summary>
public enum UrlRewriteMode
{
    None,
    Heuristic,
    Custom,
}
