namespace Harrier.Server.Scans;

/// <summary>Website root URLs are compared in one normalized form: lower-case scheme and host, path ending in '/'.</summary>
internal static class WebsiteUrls
{
    public static string Normalize(string url)
    {
        var uri = new Uri(url);
        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant() + path;
    }
}
