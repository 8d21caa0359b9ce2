using Harrier.Engine.Http;

namespace Harrier.Engine.InsertionPoints;

/// <summary>Insertion points in request headers that applications commonly echo or log: User-Agent and Referer.</summary>
internal static class HeaderInsertionPoints
{
    private static readonly string[] s_headers = ["User-Agent", "Referer"];

    public static IEnumerable<InsertionPoint> Enumerate(ScanHttpRequest request, string defaultUserAgent)
    {
        foreach (var name in s_headers)
        {
            var original = request.GetHeader(name) ?? (name == "Referer" ? request.Url.GetLeftPart(UriPartial.Path) : defaultUserAgent);
            yield return new InsertionPoint(InsertionPointKind.Header, name, original, value => request.WithHeader(name, value));
        }
    }
}
