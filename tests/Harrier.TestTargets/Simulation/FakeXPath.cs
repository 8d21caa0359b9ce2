namespace Harrier.TestTargets.Simulation;

/// <summary>
/// Just enough of an XPath 1.0 parser to fail like libxml2 does on a broken expression: string literals must be
/// closed, brackets and parentheses balanced. Nothing is evaluated; operators are not checked.
/// </summary>
internal static class FakeXPath
{
    /// <summary>The libxml2 error message for <paramref name="expression"/>, or null when it parses.</summary>
    public static string? SyntaxError(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var quote = '\0';
        var brackets = 0;
        var parentheses = 0;
        foreach (var c in expression)
        {
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote; // XPath 1.0 literals have no escapes.
                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '[':
                    brackets++;
                    break;
                case ']' when --brackets < 0:
                    return "Invalid predicate";
                case '(':
                    parentheses++;
                    break;
                case ')' when --parentheses < 0:
                    return "Invalid expression";
            }
        }

        return quote != '\0' ? "Unfinished literal"
            : brackets != 0 ? "Invalid predicate"
            : parentheses != 0 ? "Invalid expression"
            : null;
    }
}
