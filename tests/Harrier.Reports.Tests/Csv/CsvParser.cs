using System.Text;

namespace Harrier.Reports.Tests.Csv;

/// <summary>A strict RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF rows.</summary>
internal static class CsvParser
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Assert.True(field.Length == 0, "A quote may only open a field.");
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.True(c is not '\r' and not '\n', "A bare line break must be quoted.");
                field.Append(c);
            }
        }

        Assert.False(quoted, "Unterminated quoted field.");
        Assert.True(row.Count == 0 && field.Length == 0, "The last row must end with CRLF.");
        return rows;
    }
}
