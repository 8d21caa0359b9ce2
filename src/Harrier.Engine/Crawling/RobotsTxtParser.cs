namespace Harrier.Engine.Crawling;

/// <summary>
/// Reads robots.txt as a source of URLs: <c>Allow</c> and <c>Disallow</c> paths (wildcards cut off) and
/// <c>Sitemap</c> URLs. It is a map of the site, not a rule for the scanner; scope still decides.
/// </summary>
internal static class RobotsTxtParser
{
    public static IReadOnlyList<Uri> Parse(Uri robotsUrl, string text)
    {
        ArgumentNullException.ThrowIfNull(robotsUrl);
        ArgumentNullException.ThrowIfNull(text);
        var urls = new List<Uri>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field is "allow" or "disallow")
            {
                var cut = value.IndexOfAny(['*', '$']);
                value = cut >= 0 ? value[..cut] : value;
                if (value.StartsWith('/') && value.Length > 1)
                {
                    Add(urls, robotsUrl, value);
                }
            }
            else if (field == "sitemap")
            {
                Add(urls, robotsUrl, value);
            }
        }

        return urls;
    }

    public static bool IsRobots(Uri url) => url.AbsolutePath.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase);

    private static void Add(List<Uri> urls, Uri robotsUrl, string value)
    {
        if (HtmlLinkExtractor.Resolve(robotsUrl, value) is { } url)
        {
            urls.Add(url);
        }
    }
}
