using Harrier.Engine.Http;

namespace Harrier.Engine.InsertionPoints;

/// <summary>One insertion point per field of an <c>application/x-www-form-urlencoded</c> body.</summary>
internal static class FormBodyInsertionPoints
{
    public static IEnumerable<InsertionPoint> Enumerate(ScanHttpRequest request)
    {
        if (request.Body is null || !IsFormEncoded(request.ContentType) || (request.ContentType is null && IsXmlDocument(request.Body)))
        {
            yield break;
        }

        var pairs = UrlEncodedPairs.Parse(request.Body);
        for (var i = 0; i < pairs.Count; i++)
        {
            var index = i;
            yield return new InsertionPoint(InsertionPointKind.Form, pairs[i].Key, pairs[i].Value, value =>
                request with { Body = UrlEncodedPairs.Format(UrlEncodedPairs.Replace(pairs, index, value)) });
        }
    }

    /// <summary>A body without Content-Type that is an XML document belongs to <see cref="XmlBodyInsertionPoints"/>.</summary>
    private static bool IsXmlDocument(string body) => body.TrimStart().StartsWith('<') && XmlBodyInsertionPoints.Parse(body) is not null;

    private static bool IsFormEncoded(string? contentType) =>
        contentType is null || contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
