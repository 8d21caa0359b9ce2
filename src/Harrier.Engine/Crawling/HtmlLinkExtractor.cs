using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Harrier.Engine.Crawling;

/// <summary>
/// Finds what an HTML page links to with AngleSharp: <c>a</c>, <c>area</c> and <c>link</c> hrefs, frame, iframe and
/// script sources, meta refresh targets, and forms (see <see cref="FormExtractor"/>). Relative URLs resolve against
/// <c>base href</c>; fragments are dropped; only http and https URLs are kept.
/// </summary>
internal static class HtmlLinkExtractor
{
    private const string LinkSelector = "a[href], area[href], link[href], frame[src], iframe[src], script[src]";

    public static PageLinks Extract(Uri pageUrl, string html)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true });
        using var document = parser.ParseDocument(html);
        var baseUrl = BaseUrl(document, pageUrl);
        var links = new List<Uri>();
        foreach (var element in document.QuerySelectorAll(LinkSelector))
        {
            var value = element.GetAttribute(element.HasAttribute("href") ? "href" : "src");
            AddResolved(links, baseUrl, value);
        }

        foreach (var meta in document.QuerySelectorAll("meta[http-equiv]"))
        {
            if (string.Equals(meta.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))
            {
                AddResolved(links, baseUrl, MetaRefreshTarget(meta.GetAttribute("content")));
            }
        }

        var forms = document.Forms.Select(form => FormExtractor.ToRequest(form, baseUrl, pageUrl)).OfType<Http.ScanHttpRequest>().ToList();
        var scriptCalls = document.QuerySelectorAll("script:not([src])")
            .SelectMany(script => ScriptApiCallExtractor.Extract(baseUrl, script.TextContent))
            .ToList();
        return new PageLinks(links, forms, scriptCalls);
    }

    /// <summary>Resolves <paramref name="value"/> against <paramref name="baseUrl"/>; null for non-HTTP or invalid URLs. Drops the fragment.</summary>
    public static Uri? Resolve(Uri baseUrl, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(baseUrl, value.Trim(), out var absolute) || !Http.ScanScope.IsHttp(absolute))
        {
            return null;
        }

        return absolute.Fragment.Length == 0 ? absolute : new Uri(absolute.GetLeftPart(UriPartial.Query));
    }

    /// <summary>The URL in a meta refresh <c>content</c> such as <c>0; url='/next'</c>, or null.</summary>
    public static string? MetaRefreshTarget(string? content)
    {
        if (content is null)
        {
            return null;
        }

        var index = content.IndexOf("url", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }

        var rest = content[(index + 3)..].TrimStart();
        return rest.StartsWith('=') ? rest[1..].Trim().Trim('\'', '"') : null;
    }

    private static Uri BaseUrl(IHtmlDocument document, Uri pageUrl)
    {
        var href = document.QuerySelector("base[href]")?.GetAttribute("href");
        return Resolve(pageUrl, href) ?? pageUrl;
    }

    private static void AddResolved(List<Uri> links, Uri baseUrl, string? value)
    {
        if (Resolve(baseUrl, value) is { } url)
        {
            links.Add(url);
        }
    }
}
