using Harrier.Engine.Http;

namespace Harrier.Engine.InsertionPoints;

/// <summary>One insertion point per query-string parameter.</summary>
internal static class QueryInsertionPoints
{
    public static IEnumerable<InsertionPoint> Enumerate(ScanHttpRequest request)
    {
        var pairs = UrlEncodedPairs.Parse(request.Url.Query);
        for (var i = 0; i < pairs.Count; i++)
        {
            var index = i;
            yield return new InsertionPoint(InsertionPointKind.Query, pairs[i].Key, pairs[i].Value, value =>
                request with { Url = WithQuery(request.Url, UrlEncodedPairs.Format(UrlEncodedPairs.Replace(pairs, index, value))) });
        }
    }

    public static Uri WithQuery(Uri url, string query) => new UriBuilder(url) { Query = query }.Uri;
}
