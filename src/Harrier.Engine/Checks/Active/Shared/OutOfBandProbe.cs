using System.Globalization;
using System.Text.RegularExpressions;
using Harrier.Core.Findings;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;
using Harrier.Engine.OutOfBand;

namespace Harrier.Engine.Checks.Active.Shared;

/// <summary>What the out-of-band checks share: which values look like URLs, and how a callback becomes evidence.</summary>
internal static partial class OutOfBandProbe
{
    /// <summary>
    /// True for values a server plausibly fetches: a URL-shaped value (<c>http://</c>, <c>//host</c>, <c>www.</c>) or
    /// a parameter whose name says URL, link, feed, file or page. Headers and cookies are not probed.
    /// </summary>
    public static bool IsUrlLike(InsertionPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Kind is InsertionPointKind.Header or InsertionPointKind.Cookie or InsertionPointKind.Path)
        {
            return false;
        }

        var value = point.OriginalValue.Trim();
        return value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("//", StringComparison.Ordinal)
            || value.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || UrlName().IsMatch(point.Name);
    }

    /// <summary>The proof text of a callback: who called, how, and when.</summary>
    public static string Describe(OutOfBandCallback callback) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Out-of-band callback for token {callback.Token}: {callback.Method} {callback.Path} from {callback.RemoteAddress} at {callback.Time:O}");

    /// <summary>Evidence for a confirmed callback: the attack's exchange and the callback as proof.</summary>
    public static Evidence Evidence(ActiveCheckContext context, ScanHttpResponse response, OutOfBandCallback callback) =>
        context.CreateEvidence(response, Describe(callback));

    // Whole words of the parameter name (camelCase, snake_case and dotted names split): url, uri, link, feed, …
    [GeneratedRegex(@"(^|[^a-z])(url|uri|link|href|src|source|feed|rss|fetch|load|proxy|callback|webhook|dest|destination|redirect|host|site|domain|file|page|document|doc|image|img|include|template|resource|path)([^a-z]|$)|(Url|Uri|Link|Href|Src|Feed|File|Page|Path|Host)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex UrlName();
}
