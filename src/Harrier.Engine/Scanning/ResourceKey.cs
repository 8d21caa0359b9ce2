namespace Harrier.Engine.Scanning;

/// <summary>
/// Which resource a crawled request or a finding belongs to, for incremental scans: method and lower-case
/// scheme/host/port/path. Query values and names are left out so a finding whose URL a check shortened (CORS, site-wide
/// header findings) still meets the page it came from.
/// </summary>
internal static class ResourceKey
{
    public static string Of(string method, string url) =>
        method.ToUpperInvariant() + " " + (Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path).ToLowerInvariant() : url);
}
