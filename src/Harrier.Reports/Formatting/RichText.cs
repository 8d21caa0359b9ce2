using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Harrier.Reports.Formatting;

/// <summary>
/// Renders the plain-text finding fields as the rich text the Vulnerabilities JSON and XML carry: HTML paragraphs
/// (every character encoded) or Markdown (its syntax characters escaped).
/// </summary>
internal static class RichText
{
    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? "" : s_encoder.Encode(text);

    public static string Render(string? text, ContentFormat format)
    {
        var paragraphs = Paragraphs(text);
        if (paragraphs.Count == 0)
        {
            return "";
        }

        return format == ContentFormat.Markdown
            ? string.Join("\n\n", paragraphs.Select(EscapeMarkdown))
            : string.Concat(paragraphs.Select(p => "<p>" + Encode(p) + "</p>"));
    }

    public static string References(IReadOnlyList<string> urls, ContentFormat format)
    {
        if (urls.Count == 0)
        {
            return "";
        }

        if (format == ContentFormat.Markdown)
        {
            return string.Join('\n', urls.Select(u => SafeUrl.ToLink(u) is { } link ? "- <" + link + ">" : "- " + EscapeMarkdown(u)));
        }

        var builder = new StringBuilder("<ul>");
        foreach (var url in urls)
        {
            builder.Append("<li>");
            builder.Append(SafeUrl.ToLink(url) is { } link
                ? "<a href=\"" + Encode(link) + "\" rel=\"noopener noreferrer\">" + Encode(url) + "</a>"
                : Encode(url));
            builder.Append("</li>");
        }

        return builder.Append("</ul>").ToString();
    }

    public static IReadOnlyList<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Escapes Markdown syntax and any HTML a Markdown renderer would pass through.</summary>
    public static string EscapeMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '-' or '!' or '|' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
