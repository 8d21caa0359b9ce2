using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;

namespace Harrier.Engine.Crawling;

/// <summary>
/// Identity of a crawlable request: method, normalized URL without query values or fragment, and the sorted names of
/// its query and body parameters. Two links that differ only in parameter values are the same resource.
/// </summary>
internal static class RequestSignature
{
    public static string Of(ScanHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Method.ToUpperInvariant() + " " + Location(request.Url) + "?" + Names(request.Url.Query) + " " + BodyNames(request);
    }

    /// <summary>Scheme, host, port and path (no query, no fragment) of <paramref name="url"/>.</summary>
    public static string Location(Uri url) => url.GetLeftPart(UriPartial.Path);

    /// <summary>The parameter names (query, then body) of a request, for crawled-resource reports.</summary>
    public static IReadOnlyList<string> ParameterNames(ScanHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var names = UrlEncodedPairs.Parse(request.Url.Query).Select(p => p.Key);
        if (request.Body is not null)
        {
            names = names.Concat(InsertionPointEnumerator.Enumerate(request with { Url = new Uri(Location(request.Url)) }, InsertionPointOptions.ParametersOnly).Select(p => p.Name));
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static string Names(string query) =>
        string.Join('&', UrlEncodedPairs.Parse(query).Select(p => p.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static string BodyNames(ScanHttpRequest request)
    {
        if (request.Body is null)
        {
            return "";
        }

        var names = InsertionPointEnumerator.Enumerate(request with { Url = new Uri(Location(request.Url)) }, InsertionPointOptions.ParametersOnly)
            .Select(p => p.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return string.Join('&', names);
    }
}
