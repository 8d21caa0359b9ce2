using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace Harrier.Web.Html;

/// <summary>The interpolated-string handler behind <see cref="Markup.Of"/>: literals pass through, values are encoded.</summary>
[InterpolatedStringHandler]
internal ref struct MarkupHandler
{
    private StringBuilder? _builder;

    public MarkupHandler(int literalLength, int formattedCount) =>
        _builder = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string literal) => _builder!.Append(literal);

    public readonly void AppendFormatted(Markup markup) => _builder!.Append(markup.Html);

    public readonly void AppendFormatted(IEnumerable<Markup> parts)
    {
        foreach (var part in parts)
        {
            _builder!.Append(part.Html);
        }
    }

    public readonly void AppendFormatted(string? text) => _builder!.Append(HtmlEncoder.Default.Encode(text ?? ""));

    public readonly void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case Markup markup:
                AppendFormatted(markup);
                break;
            case IEnumerable<Markup> parts:
                AppendFormatted(parts);
                break;
            case IFormattable formattable:
                AppendFormatted(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                AppendFormatted(value?.ToString());
                break;
        }
    }

    public readonly void AppendFormatted<T>(T value, string format)
        where T : IFormattable =>
        AppendFormatted(value.ToString(format, CultureInfo.InvariantCulture));

    public string ToStringAndClear()
    {
        var text = _builder!.ToString();
        _builder = null;
        return text;
    }
}
