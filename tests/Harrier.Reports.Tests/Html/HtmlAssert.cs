using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Harrier.Reports.Tests.Html;

/// <summary>Parses a report like a browser would and checks that nothing in it can run or load.</summary>
internal static class HtmlAssert
{
    private static readonly HashSet<string> s_allowedElements =
    [
        "html", "head", "meta", "title", "style", "body", "main", "footer", "h1", "h2", "h3", "h4", "p", "table", "thead", "tbody",
        "tr", "th", "td", "div", "span", "section", "a", "ul", "li", "pre", "mark", "details", "summary", "svg", "rect", "text",
    ];

    private static readonly HashSet<string> s_allowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "lang", "charset", "http-equiv", "content", "name", "class", "id", "href", "rel", "scope", "xmlns", "role",
        "aria-labelledby", "width", "height", "viewbox", "x", "y", "rx", "fill", "font-family", "font-size",
    };

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Only known elements and attributes, no script, links only to http(s) or this page, one stylesheet allowed by the CSP hash.</summary>
    public static IHtmlDocument Inert(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var document = Parse(html);
        foreach (var element in document.All)
        {
            Assert.True(s_allowedElements.Contains(element.LocalName), "Unexpected element " + element.LocalName);
            foreach (var attribute in element.Attributes)
            {
                Assert.True(s_allowedAttributes.Contains(attribute.LocalName), "Unexpected attribute " + attribute.LocalName + " on " + element.LocalName);
            }

            if (element.LocalName == "a")
            {
                var href = element.GetAttribute("href") ?? "";
                Assert.True(href.StartsWith('#') || href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal), "Unsafe href: " + href);
                Assert.False(href.Contains('<', StringComparison.Ordinal) || href.Contains('"', StringComparison.Ordinal), "Markup inside href: " + href);
            }
        }

        var styles = document.QuerySelectorAll("style");
        var style = Assert.Single(styles);
        var csp = ContentSecurityPolicy(document);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style.TextContent)));
        Assert.Contains("style-src 'sha256-" + hash + "'", csp, StringComparison.Ordinal);
        return document;
    }

    public static string ContentSecurityPolicy(IDocument document)
    {
        var meta = Assert.Single(document.QuerySelectorAll("meta[http-equiv]"));
        Assert.Equal("Content-Security-Policy", meta.GetAttribute("http-equiv"));
        return meta.GetAttribute("content") ?? "";
    }
}
