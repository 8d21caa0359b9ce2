using Harrier.Engine.Http;

namespace Harrier.Engine.InsertionPoints;

/// <summary>Every insertion point of a request: query, form body, JSON body, XML body, path segments, and (optionally) headers and cookies.</summary>
internal static class InsertionPointEnumerator
{
    public static IReadOnlyList<InsertionPoint> Enumerate(ScanHttpRequest request, InsertionPointOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var points = new List<InsertionPoint>();
        points.AddRange(QueryInsertionPoints.Enumerate(request));
        points.AddRange(FormBodyInsertionPoints.Enumerate(request));
        points.AddRange(JsonBodyInsertionPoints.Enumerate(request));
        points.AddRange(XmlBodyInsertionPoints.Enumerate(request));
        if (options.PathSegments)
        {
            points.AddRange(PathSegmentInsertionPoints.Enumerate(request, options.PageText));
        }

        if (options.Headers)
        {
            points.AddRange(HeaderInsertionPoints.Enumerate(request, options.DefaultUserAgent));
        }

        if (options.JarCookies is { } jarCookies)
        {
            points.AddRange(CookieInsertionPoints.Enumerate(request, jarCookies));
        }

        return points;
    }
}
