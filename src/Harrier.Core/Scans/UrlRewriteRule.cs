namespace Harrier.Core.Scans;

/// <summary>A custom URL-rewrite rule: a regex and the placeholder path it stands for.</summary>
public sealed record UrlRewriteRule(string PlaceholderPattern, string RegexPattern);
