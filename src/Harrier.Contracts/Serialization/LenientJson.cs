using System.Text;

namespace Harrier.Contracts.Serialization;

/// <summary>
/// Turns the pseudo-JSON some clients send into JSON: the Jenkins plugin posts
/// <c>{'ScanId':'…','DoNotFail':false}</c> with single-quoted keys and strings (contract §2.38).
/// Double-quoted strings are copied as they are; single-quoted ones are re-quoted.
/// </summary>
public static class LenientJson
{
    /// <summary>Whether <paramref name="text"/> has a single quote outside a double-quoted string (so normalizing can help).</summary>
    public static bool UsesSingleQuotes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '\'')
            {
                return true;
            }
        }

        return false;
    }

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                i = CopyDoubleQuoted(text, i, result);
            }
            else if (c == '\'')
            {
                i = RequoteSingleQuoted(text, i, result);
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }

    private static int CopyDoubleQuoted(string text, int start, StringBuilder result)
    {
        result.Append('"');
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            result.Append(c);
            i++;
            if (c == '\\' && i < text.Length)
            {
                result.Append(text[i]);
                i++;
            }
            else if (c == '"')
            {
                break;
            }
        }

        return i;
    }

    private static int RequoteSingleQuoted(string text, int start, StringBuilder result)
    {
        result.Append('"');
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            i++;
            if (c == '\\' && i < text.Length)
            {
                var next = text[i];
                i++;
                result.Append(next == '\'' ? "'" : "\\" + next);
            }
            else if (c == '\'')
            {
                break;
            }
            else if (c == '"')
            {
                result.Append("\\\"");
            }
            else
            {
                result.Append(c);
            }
        }

        result.Append('"');
        return i;
    }
}
