using System.Globalization;
using System.Text;

namespace Harrier.TestTargets.Simulation;

/// <summary>
/// The expression language of the simulated template engine (SSTI): integers, single- or double-quoted strings,
/// + - * / % and parentheses. <c>7*7</c> is 49 and, as in Jinja2, <c>'7'*7</c> is 7777777. Nothing else runs.
/// </summary>
internal sealed class TemplateExpression
{
    private const int MaxRepeat = 1000;

    private readonly string _text;
    private int _position;

    private TemplateExpression(string text) => _text = text;

    /// <summary>The rendered value, or null when the expression is not valid.</summary>
    public static string? Evaluate(string expression)
    {
        var parser = new TemplateExpression(expression);
        try
        {
            var value = parser.Additive();
            parser.SkipSpaces();
            return parser._position == expression.Length ? Render(value) : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
        catch (DivideByZeroException)
        {
            return null;
        }
    }

    private static string Render(object value) => value switch
    {
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => (string)value,
    };

    private object Additive()
    {
        var left = Multiplicative();
        while (TryOperator('+', '-') is { } op)
        {
            var right = Multiplicative();
            left = op == '+' && (left is string || right is string)
                ? Render(left) + Render(right)
                : checked(op == '+' ? Number(left) + Number(right) : Number(left) - Number(right));
        }

        return left;
    }

    private object Multiplicative()
    {
        var left = Unary();
        while (TryOperator('*', '/', '%') is { } op)
        {
            var right = Unary();
            if (op == '*' && (left is string || right is string))
            {
                var (text, count) = left is string s ? (s, Number(right)) : ((string)right, Number(left));
                left = count is < 0 or > MaxRepeat ? throw new FormatException("Repeat count out of range.") : Repeat(text, (int)count);
                continue;
            }

            left = op switch
            {
                '*' => checked(Number(left) * Number(right)),
                '/' => Number(left) / Number(right),
                _ => Number(left) % Number(right),
            };
        }

        return left;
    }

    private object Unary() => TryOperator('-') is not null ? checked(-Number(Unary())) : Primary();

    private object Primary()
    {
        SkipSpaces();
        if (_position >= _text.Length)
        {
            throw new FormatException("Unexpected end.");
        }

        var c = _text[_position];
        if (c == '(')
        {
            _position++;
            var inner = Additive();
            if (TryOperator(')') is null)
            {
                throw new FormatException("Expected ')'.");
            }

            return inner;
        }

        if (c is '\'' or '"')
        {
            var end = _text.IndexOf(c, _position + 1);
            if (end < 0)
            {
                throw new FormatException("Unterminated string.");
            }

            var text = _text[(_position + 1)..end];
            _position = end + 1;
            return text;
        }

        var start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        return start == _position
            ? throw new FormatException($"Unexpected '{c}'.")
            : long.Parse(_text.AsSpan(start, _position - start), CultureInfo.InvariantCulture);
    }

    private char? TryOperator(params ReadOnlySpan<char> operators)
    {
        SkipSpaces();
        if (_position < _text.Length && operators.Contains(_text[_position]))
        {
            return _text[_position++];
        }

        return null;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }
    }

    private static long Number(object value) =>
        value is long number ? number : long.TryParse((string)value, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new FormatException("Not a number.");

    private static string Repeat(string text, int count) =>
        text.Length * count > 100_000 ? throw new FormatException("Too long.") : new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
