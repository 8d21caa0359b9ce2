using System.Xml;

namespace Harrier.Engine.Crawling;

/// <summary>Reads <c>&lt;loc&gt;</c> URLs from a sitemap or sitemap index, with DTDs prohibited and a size limit.</summary>
internal static class SitemapParser
{
    private const int MaxUrls = 50_000;

    public static bool LooksLikeSitemap(string text) =>
        text.Contains("<urlset", StringComparison.OrdinalIgnoreCase) || text.Contains("<sitemapindex", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<Uri> Parse(Uri sitemapUrl, string text)
    {
        ArgumentNullException.ThrowIfNull(sitemapUrl);
        ArgumentNullException.ThrowIfNull(text);
        var urls = new List<Uri>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 50_000_000,
            IgnoreComments = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            while (urls.Count < MaxUrls && reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "loc"
                    && HtmlLinkExtractor.Resolve(sitemapUrl, reader.ReadElementContentAsString()) is { } url)
                {
                    urls.Add(url);
                }
            }
        }
        catch (XmlException)
        {
            // A broken sitemap yields the URLs read before the error.
        }

        return urls;
    }
}
