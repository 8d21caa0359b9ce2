using System.Text;

namespace Harrier.Reports.Formatting;

/// <summary>
/// RFC 4180 CSV: comma-separated (or <paramref name="separator"/>), CRLF rows, fields quoted when they hold the separator, a
/// quote or a line break. A field that a spreadsheet would run as a formula (starting with <c>= + - @</c>, tab or CR) is
/// prefixed with <c>'</c> (CSV injection).
/// </summary>
internal sealed class CsvOutput(TextWriter writer, char separator = ',')
{
    public static TextWriter CreateWriter(Stream output) =>
        new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);

    public void Row(params IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(separator);
            }

            first = false;
            writer.Write(Escape(field, separator));
        }

        writer.Write("\r\n");
    }

    public static string Escape(string? field, char separator = ',')
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        if (field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }

        if (field.AsSpan().IndexOfAny(['"', '\r', '\n', separator]) < 0)
        {
            return field;
        }

        var builder = new StringBuilder(field.Length + 8).Append('"');
        builder.Append(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        return builder.Append('"').ToString();
    }
}
