using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Harrier.Engine.Checks.Active.Xss;

/// <summary>
/// Decides whether an XSS payload's HTML structure survived by parsing the response like a browser would,
/// rather than by matching strings: a reflected but encoded payload is just text.
/// </summary>
internal static class HtmlReflectionAnalyzer
{
    private static readonly HashSet<string> s_urlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "data", "xlink:href",
    };

    /// <summary>
    /// True when the document holds script that would run <paramref name="token"/>: an event-handler attribute whose
    /// value is exactly the token, a script element whose text is the token, or a <c>javascript:</c> URL of it.
    /// </summary>
    public static bool HasExecutableReflection(string html, string token)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(token);
        if (!html.Contains(token, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true });
        using var document = parser.ParseDocument(html);
        return document.All.Any(element => IsExecutable(element, token));
    }

    /// <summary>True when <paramref name="payload"/> appears verbatim (markup unencoded) although no structure came out of it.</summary>
    public static bool IsReflectedRaw(string html, string payload) =>
        payload.Contains('<', StringComparison.Ordinal) && html.Contains(payload, StringComparison.OrdinalIgnoreCase);

    private static bool IsExecutable(IElement element, string token)
    {
        if (element.LocalName == "script" && string.Equals(element.TextContent.Trim(), token, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var attribute in element.Attributes)
        {
            var value = attribute.Value.Trim();
            if (attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                && string.Equals(value, token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (s_urlAttributes.Contains(attribute.Name)
                && value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                && string.Equals(value["javascript:".Length..].Trim(), token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
