using System.Net;
using System.Text.RegularExpressions;

namespace Harrier.TestTargets.Tests;

/// <summary>Pulls link targets (href, src, action, meta refresh url) out of HTML, the way a crawler would.</summary>
internal static partial class Links
{
    public static IReadOnlyList<string> In(string html) =>
        [.. Attribute().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value))];

    /// <summary>Same-origin absolute paths found in <paramref name="html"/>, query included, fragment removed.</summary>
    public static IEnumerable<string> LocalPaths(string html)
    {
        var posted = PostForm().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).ToHashSet(StringComparer.Ordinal);
        return In(html)
            .Where(url => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !posted.Contains(url))
            .Select(url => url.Split('#')[0]);
    }

    [GeneratedRegex("""<form method="post"[^>]* action="(?<url>[^"]*)"|<form method="post">""", RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    [GeneratedRegex("""(?:href|src|action)="(?<url>[^"]*)"|url=(?<url>[^"]+)">""", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();
}
