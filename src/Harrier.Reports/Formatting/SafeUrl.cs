namespace Harrier.Reports.Formatting;

/// <summary>Decides which URLs may become links: absolute http(s) only, so a finding can never smuggle <c>javascript:</c> into an href.</summary>
internal static class SafeUrl
{
    public static bool IsLinkable(string? url) => ToLink(url) is not null;

    /// <summary>The normalized, percent-encoded form of an absolute http(s) URL, or <c>null</c> when it must not be linked.</summary>
    public static string? ToLink(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(char.IsControl) ||
            !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return uri.AbsoluteUri;
    }

    /// <summary>A valid absolute or relative URI reference for <paramref name="url"/> (SARIF <c>artifactLocation.uri</c>).</summary>
    public static string ToUriReference(string url) => ToLink(url) ?? Uri.EscapeDataString(url);
}
