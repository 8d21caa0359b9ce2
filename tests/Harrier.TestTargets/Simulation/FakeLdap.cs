using System.Globalization;
using System.Text;

namespace Harrier.TestTargets.Simulation;

/// <summary>
/// An RFC 4515 search filter parser that fails with the messages of Java's JNDI
/// (<c>InvalidSearchFilterException</c>) on a malformed filter, plus the RFC's value escaping for the safe twin.
/// Nothing is searched.
/// </summary>
internal static class FakeLdap
{
    /// <summary>The JNDI error message for <paramref name="filter"/>, or null when it parses.</summary>
    public static string? FilterError(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var position = 0;
        return Filter(filter, ref position) ?? (position == filter.Length ? null : "Unbalanced parenthesis");
    }

    /// <summary>RFC 4515 escaping of an assertion value: <c>* ( ) \ NUL</c> as <c>\XX</c>.</summary>
    public static string EscapeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '*' or '(' or ')' or '\\' or '\0')
            {
                escaped.Append('\\').Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static string? Filter(string s, ref int i)
    {
        if (i >= s.Length || s[i] != '(')
        {
            return "Unbalanced parenthesis";
        }

        i++;
        if (i >= s.Length)
        {
            return "Unbalanced parenthesis";
        }

        var error = s[i] switch
        {
            '&' or '|' => List(s, ref i),
            '!' => Not(s, ref i),
            ')' => "Empty filter",
            _ => Item(s, ref i),
        };
        if (error is not null)
        {
            return error;
        }

        if (i >= s.Length || s[i] != ')')
        {
            return "Unbalanced parenthesis";
        }

        i++;
        return null;
    }

    private static string? List(string s, ref int i)
    {
        i++;
        while (i < s.Length && s[i] == '(')
        {
            if (Filter(s, ref i) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static string? Not(string s, ref int i)
    {
        i++;
        return Filter(s, ref i);
    }

    private static string? Item(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '.' or ';'))
        {
            i++;
        }

        if (i == start || !char.IsAsciiLetter(s[start]))
        {
            return "invalid attribute description";
        }

        if (i < s.Length && s[i] is '~' or '>' or '<')
        {
            i++;
        }

        if (i >= s.Length || s[i] != '=')
        {
            return "Missing 'equals'";
        }

        i++;
        while (i < s.Length && s[i] != ')')
        {
            if (s[i] == '(')
            {
                return "Unbalanced parenthesis";
            }

            if (s[i] == '\\' && (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2])))
            {
                return "invalid escape sequence: " + s[i..Math.Min(s.Length, i + 3)];
            }

            i += s[i] == '\\' ? 3 : 1;
        }

        return null;
    }
}
