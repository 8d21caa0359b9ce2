namespace Harrier.TestTargets.Simulation;

/// <summary>Splits a simulated SQL clause into numbers, strings, words (upper-cased) and operators; comments are skipped.</summary>
internal static class FakeSqlTokenizer
{
    /// <summary>Splits a clause into tokens; null when a string or comment is unterminated.</summary>
    public static List<SqlToken>? Tokenize(string text)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if ((c == '-' && Next(text, i) == '-') || c == '#')
            {
                break;
            }
            else if (c == '/' && Next(text, i) == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                i = end + 2;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (i - start > 18 || (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_')))
                {
                    return null;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, text[start..i]));
            }
            else if (c == '\'')
            {
                var value = new System.Text.StringBuilder();
                var closed = false;
                for (i++; i < text.Length; i++)
                {
                    if (text[i] == '\'')
                    {
                        if (Next(text, i) == '\'')
                        {
                            value.Append('\'');
                            i++;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    value.Append(text[i]);
                }

                if (!closed)
                {
                    return null;
                }

                tokens.Add(new SqlToken(SqlTokenKind.String, value.ToString()));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Word, text[start..i].ToUpperInvariant()));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
                if (two is "<>" or "!=" or "<=" or ">=" or "&&" or "||")
                {
                    tokens.Add(new SqlToken(SqlTokenKind.Operator, two));
                    i += 2;
                }
                else if (c is '=' or '<' or '>' or '(' or ')' or '+' or '-' or '*' or '!')
                {
                    tokens.Add(new SqlToken(SqlTokenKind.Operator, c.ToString()));
                    i++;
                }
                else
                {
                    return null;
                }
            }
        }

        return tokens;
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';
}
