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

            var index = i;
            yield return new InsertionPoint(InsertionPointKind.Path, "segment" + index, original, value =>
            {
                var copy = (string[])segments.Clone();
                copy[index] = Uri.EscapeDataString(value);
                return request with { Url = new UriBuilder(request.Url) { Path = string.Join('/', copy) }.Uri };
            });
        }
    }

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
