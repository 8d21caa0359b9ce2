using System.Globalization;

namespace Harrier.TestTargets.Simulation;

/// <summary>
/// Evaluates a concatenated WHERE clause against the simulated products table, the way boolean-based blind
/// injection needs: <c>1 AND 1=1</c> matches row 1, <c>1 AND 1=2</c> matches nothing. Supports numbers, strings,
/// the columns id/name/price/category, = &lt;&gt; != &lt; &gt; &lt;= &gt;= LIKE, AND/OR/NOT (and &amp;&amp; ||), + - *,
/// parentheses, comments and a few functions. Anything else is a syntax error, which a blind page hides.
/// </summary>
internal sealed class FakeSqlEvaluator
{
    private readonly List<SqlToken> _tokens;
    private FakeProduct _row = FakeProduct.All[0];
    private int _position;

    private FakeSqlEvaluator(List<SqlToken> tokens) => _tokens = tokens;

    /// <summary>The rows the clause selects, or null when the clause is not valid SQL.</summary>
    public static IReadOnlyList<FakeProduct>? Select(string whereClause)
    {
        var tokens = FakeSqlTokenizer.Tokenize(whereClause);
        if (tokens is null)
        {
            return null;
        }

        var evaluator = new FakeSqlEvaluator(tokens);
        var rows = new List<FakeProduct>();
        try
        {
            foreach (var row in FakeProduct.All)
            {
                evaluator._row = row;
                evaluator._position = 0;
                var value = evaluator.ParseOr();
                if (evaluator._position != tokens.Count)
                {
                    return null;
                }

                if (IsTrue(value))
                {
                    rows.Add(row);
                }
            }
        }
        catch (FormatException)
        {
            return null;
        }

        return rows;
    }

    private object? ParseOr()
    {
        var left = ParseAnd();
        while (Accept("OR") || Accept("||"))
        {
            var right = ParseAnd();
            left = IsTrue(left) || IsTrue(right);
        }

        return left;
    }

    private object? ParseAnd()
    {
        var left = ParseNot();
        while (Accept("AND") || Accept("&&"))
        {
            var right = ParseNot();
            left = IsTrue(left) && IsTrue(right);
        }

        return left;
    }

    private object? ParseNot() => Accept("NOT") || Accept("!") ? !IsTrue(ParseNot()) : ParseComparison();

    private object? ParseComparison()
    {
        var left = ParseAdditive();
        while (Peek() is { Kind: SqlTokenKind.Operator or SqlTokenKind.Word } token
            && token.Text is "=" or "<>" or "!=" or "<" or ">" or "<=" or ">=" or "LIKE")
        {
            _position++;
            var right = ParseAdditive();
            left = token.Text == "LIKE" ? Like(left, right) : Compare(left, right, token.Text);
        }

        return left;
    }

    private object? ParseAdditive()
    {
        var left = ParseTerm();
        while (Peek() is { Kind: SqlTokenKind.Operator, Text: "+" or "-" } token)
        {
            _position++;
            var right = ParseTerm();
            left = token.Text == "+" ? ToNumber(left) + ToNumber(right) : ToNumber(left) - ToNumber(right);
        }

        return left;
    }

    private object? ParseTerm()
    {
        var left = ParseUnary();
        while (Peek() is { Kind: SqlTokenKind.Operator, Text: "*" })
        {
            _position++;
            left = ToNumber(left) * ToNumber(ParseUnary());
        }

        return left;
    }

    private object? ParseUnary() => Peek() is { Kind: SqlTokenKind.Operator, Text: "-" } ? Negate() : ParsePrimary();

    private long Negate()
    {
        _position++;
        return -ToNumber(ParsePrimary());
    }

    private object? ParsePrimary()
    {
        var token = Peek() ?? throw new FormatException("Unexpected end of clause.");
        _position++;
        switch (token.Kind)
        {
            case SqlTokenKind.Number:
                return long.Parse(token.Text, CultureInfo.InvariantCulture);
            case SqlTokenKind.String:
                return token.Text;
            case SqlTokenKind.Operator when token.Text == "(":
                var inner = ParseOr();
                Expect(")");
                return inner;
            case SqlTokenKind.Word:
                return Word(token.Text);
            default:
                throw new FormatException($"Unexpected '{token.Text}'.");
        }
    }

    private object? Word(string word)
    {
        switch (word)
        {
            case "ID": return _row.Id;
            case "NAME": return _row.Name;
            case "PRICE": return _row.Price;
            case "CATEGORY": return _row.Category;
            case "TRUE": return true;
            case "FALSE": return false;
            case "NULL": return null;
        }

        // A few functions: enough for common boolean probes, e.g. LENGTH('abc')=3, ASCII('a')=97, SLEEP(0).
        Expect("(");
        var argument = ParseOr();
        Expect(")");
        return word switch
        {
            "LENGTH" or "LEN" or "CHAR_LENGTH" => (long)ToText(argument).Length,
            "ASCII" or "ORD" or "UNICODE" => ToText(argument) is { Length: > 0 } text ? text[0] : 0L,
            "LOWER" or "LCASE" => ToText(argument).ToLowerInvariant(),
            "UPPER" or "UCASE" => ToText(argument).ToUpperInvariant(),
            "SLEEP" or "PG_SLEEP" or "ABS" => word == "ABS" ? Math.Abs(ToNumber(argument)) : 0L,
            _ => throw new FormatException($"Unknown function {word}."),
        };
    }

    private static bool Compare(object? left, object? right, string op)
    {
        if (left is null || right is null)
        {
            return false;
        }

        int order;
        if (left is string ls && right is string rs)
        {
            order = string.Compare(ls, rs, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            order = ToNumber(left).CompareTo(ToNumber(right));
        }

        return op switch
        {
            "=" => order == 0,
            "<>" or "!=" => order != 0,
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            _ => order >= 0,
        };
    }

    private static bool Like(object? left, object? right)
    {
        var text = ToText(left);
        var pattern = ToText(right);
        var parts = pattern.Split('%');
        if (parts.Length == 1)
        {
            return string.Equals(text, pattern, StringComparison.OrdinalIgnoreCase);
        }

        var index = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i == 0 && !text.StartsWith(part, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var found = text.IndexOf(part, index, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            index = found + part.Length;
        }

        return parts[^1].Length == 0 || text.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        _ => ToNumber(value) != 0,
    };

    /// <summary>MySQL-style conversion: a string's leading digits, otherwise 0.</summary>
    private static long ToNumber(object? value) => value switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        long l => l,
        string s => LeadingNumber(s),
        _ => 0,
    };

    private static long LeadingNumber(string text)
    {
        var trimmed = text.TrimStart();
        var end = 0;
        while (end < trimmed.Length && end < 18 && char.IsAsciiDigit(trimmed[end]))
        {
            end++;
        }

        return end == 0 ? 0 : long.Parse(trimmed.AsSpan(0, end), CultureInfo.InvariantCulture);
    }

    private static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "1" : "0",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private SqlToken? Peek() => _position < _tokens.Count ? _tokens[_position] : null;

    private bool Accept(string text)
    {
        if (Peek() is { } token && token.Kind != SqlTokenKind.String && token.Text == text)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string text)
    {
        if (!Accept(text))
        {
            throw new FormatException($"Expected '{text}'.");
        }
    }
}
