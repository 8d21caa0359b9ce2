using AngleSharp.Html.Parser;
using Harrier.Engine.Http;

namespace Harrier.Engine.InsertionPoints;

/// <summary>
/// One insertion point per path segment that carries a value: value-like segments (the 42 of <c>/item/42</c>) and a
/// last segment that the page shows in its text (the <c>alice</c> of <c>/profile/alice</c> when the page says "alice").
/// Other names (<c>/about</c>, <c>/app.js</c>) are never attacked, so static paths cost nothing.
/// </summary>
internal static class PathSegmentInsertionPoints
{
    public static IEnumerable<InsertionPoint> Enumerate(ScanHttpRequest request, string? pageText = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segments = request.Url.AbsolutePath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var original = Uri.UnescapeDataString(segments[i]);
            var isValue = ValueLikeSegment.Matches(ValueLikeSegment.Stem(original))
                || (i == segments.Length - 1 && ValueLikeSegment.IsShownIn(original, pageText));
            if (!isValue)
            {
                continue;
            }

            yield return At(request, segments, i);
        }
    }

    /// <summary>The insertion point named <paramref name="name"/> (<c>segmentN</c>) whatever the segment looks like (a retest of a stored finding), or null.</summary>
    public static InsertionPoint? Named(ScanHttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(name);
        var segments = request.Url.AbsolutePath.Split('/');
        return name.StartsWith("segment", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan("segment".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index > 0 && index < segments.Length && segments[index].Length > 0
                ? At(request, segments, index)
                : null;
    }

    private static InsertionPoint At(ScanHttpRequest request, string[] segments, int index) =>
        new(InsertionPointKind.Path, "segment" + index, Uri.UnescapeDataString(segments[index]), value =>
        {
            var copy = (string[])segments.Clone();
            copy[index] = Uri.EscapeDataString(value);
            return request with { Url = new UriBuilder(request.Url) { Path = string.Join('/', copy) }.Uri };
        });

    /// <summary>The visible text of a successful HTML page (scripts and styles left out), or null for anything else.</summary>
    public static string? VisibleText(ScanHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode is < 200 or >= 300 || !response.IsHtml)
        {
            return null;
        }

        using var document = new HtmlParser().ParseDocument(response.BodyText);
        foreach (var hidden in document.QuerySelectorAll("script, style, template").ToList())
        {
            hidden.Remove();
        }

        return document.Body?.TextContent;
    }
}
