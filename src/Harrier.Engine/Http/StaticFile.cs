namespace Harrier.Engine.Http;

/// <summary>
/// URLs of static files (<c>robots.txt</c>, scripts, styles, images, fonts, documents) by their extension: no
/// application code reads their headers or answers them per origin, so page-level extras (per-page header attacks,
/// CORS probes) skip them.
/// </summary>
internal static class StaticFile
{
    private static readonly HashSet<string> s_extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".xml", ".js", ".mjs", ".css", ".map", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp",
        ".woff", ".woff2", ".ttf", ".eot", ".pdf", ".zip", ".gz",
    };

    public static bool Is(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return s_extensions.Contains(Path.GetExtension(url.AbsolutePath));
    }
}
