using System.Text.Encodings.Web;

namespace Harrier.Web.Html;

/// <summary>
/// A piece of HTML that is safe to write as it is. The only ways to make one are <see cref="Of"/> (which encodes every
/// interpolated value that is not itself <see cref="Markup"/>) and <see cref="Text"/> (which encodes the whole string),
/// so text from a scanned site can never become markup by accident.
/// </summary>
internal readonly record struct Markup
{
    private readonly string? _html;

    private Markup(string html) => _html = html;

    public static Markup Empty { get; } = new("");

    public string Html => _html ?? "";

    /// <summary>Literal parts are trusted markup; holes are HTML-encoded unless they are <see cref="Markup"/> already.</summary>
    public static Markup Of(MarkupHandler handler) => new(handler.ToStringAndClear());

    /// <summary>Text, encoded for element content and quoted attribute values alike.</summary>
    public static Markup Text(string? text) => new(HtmlEncoder.Default.Encode(text ?? ""));

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Html)));

    /// <summary>For markup this assembly builds itself from constants (never from data).</summary>
    internal static Markup Trusted(string html) => new(html);

    public static Markup When(bool condition, Markup markup) => condition ? markup : Empty;

    public override string ToString() => Html;
}
