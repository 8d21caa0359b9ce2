using Harrier.Engine.Http;

namespace Harrier.Engine.InsertionPoints;

/// <summary>One insertion point per value-like path segment: URL-rewritten parameters such as the 42 of <c>/item/42</c>.</summary>
internal static class PathSegmentInsertionPoints
{
    public static IEnumerable<InsertionPoint> Enumerate(ScanHttpRequest request)
    {
        var segments = request.Url.AbsolutePath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var original = Uri.UnescapeDataString(segments[i]);
            if (!ValueLikeSegment.Matches(ValueLikeSegment.Stem(original)))
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
}
