using System.Text;
using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Passive.Scripts;

/// <summary>
/// A deliberately simple static taint analysis of one script: statement by statement, it tracks variables assigned
/// from an attacker-controlled source (or from another tainted variable) and reports the first HTML or code sink that
/// receives a source or a tainted variable. A sanitizer or encoder in the assigned or sunk expression ends the flow,
/// and callbacks passed to timers are not string sinks: it prefers missing a flow to reporting a harmless one.
/// </summary>
internal static partial class DomXssAnalyzer
{
    /// <summary>A source reaching a sink: the normalized source name and the statement holding the sink.</summary>
    internal sealed record Flow(string Source, string Sink, string Statement);

    public static Flow? FindFlow(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (Source().Match(script) is not { Success: true })
        {
            return null; // No source at all: the common case, decided by one scan of the text.
        }

        // Tainted variable → (source, brace depth where it was assigned). Leaving a block forgets what was assigned
        // inside it, so the one-letter names of minified code do not carry taint from one function into another.
        var tainted = new Dictionary<string, (string Source, int Depth)>(StringComparer.Ordinal);
        foreach (var (statement, depth) in Statements(script))
        {
            if (tainted.Count > 0)
            {
                foreach (var name in tainted.Where(t => t.Value.Depth > depth).Select(t => t.Key).ToList())
                {
                    tainted.Remove(name);
                }
            }

            if (FindSink(statement, tainted) is { } flow)
            {
                return flow;
            }

            var assignment = Assignment().Match(statement);
            if (assignment.Success)
            {
                var name = assignment.Groups["name"].Value;
                var source = TaintOf(assignment.Groups["value"].Value, tainted);
                if (source is null && assignment.Groups["op"].Value == "=")
                {
                    tainted.Remove(name); // Re-assigned from something harmless.
                }
                else if (source is not null)
                {
                    tainted[name] = (source, depth);
                }
            }
        }

        return null;
    }

    private static Flow? FindSink(string statement, Dictionary<string, (string Source, int Depth)> tainted)
    {
        foreach (Match sink in HtmlPropertySink().Matches(statement))
        {
            var value = statement[(sink.Index + sink.Length)..];
            if (TaintOf(value, tainted) is { } source)
            {
                return new Flow(source, sink.Groups["sink"].Value, statement);
            }
        }

        foreach (Match sink in CallSink().Matches(statement))
        {
            var arguments = Arguments(statement, sink.Index + sink.Length);
            var name = sink.Groups["sink"].Value;
            // setTimeout(function () { … }) and arrow callbacks are code, not strings to evaluate.
            if (name is "setTimeout" or "setInterval" && (arguments.TrimStart().StartsWith("function", StringComparison.Ordinal) || arguments.Contains("=>", StringComparison.Ordinal)))
            {
                continue;
            }

            if (TaintOf(arguments, tainted) is { } source)
            {
                return new Flow(source, name, statement);
            }
        }

        return null;
    }

    /// <summary>The source an expression carries (directly or through a tainted variable) unless it is sanitized.</summary>
    private static string? TaintOf(string expression, Dictionary<string, (string Source, int Depth)> tainted)
    {
        if (Sanitizer().IsMatch(expression))
        {
            return null;
        }

        expression = CodeOnly(expression);

        var direct = Source().Match(expression);
        if (direct.Success)
        {
            return Normalize(direct);
        }

        foreach (Match identifier in Identifier().Matches(expression))
        {
            if (tainted.TryGetValue(identifier.Value, out var variable))
            {
                return variable.Source;
            }
        }

        return null;
    }

    private static string Normalize(Match source) => source.Groups["location"].Success
        ? "location." + source.Groups["location"].Value
        : source.Groups["document"].Success ? "document." + source.Groups["document"].Value : "window.name";

    /// <summary>Text from <paramref name="start"/> (just after an opening parenthesis) to its closing parenthesis, strings skipped.</summary>
    private static string Arguments(string text, int start)
    {
        var depth = 1;
        foreach (var i in CodePositions(text, start))
        {
            if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && --depth == 0)
            {
                return text[start..i];
            }
        }

        return text[start..];
    }

    /// <summary>The positions from <paramref name="start"/> on that are code: outside string literals, quotes excluded.</summary>
    private static IEnumerable<int> CodePositions(string text, int start)
    {
        var quote = '\0';
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"' or '`')
            {
                quote = c;
            }
            else
            {
                yield return i;
            }
        }
    }

    /// <summary>
    /// Splits a script into statements: comments removed, lines joined where an expression obviously continues, then
    /// cut at semicolons and braces outside string literals, each with the brace depth it starts at. Good enough for the
    /// flat code of page scripts; not a parser.
    /// </summary>
    private static List<(string Statement, int Depth)> Statements(string script)
    {
        var code = Comment().Replace(script, " ");
        var joined = new StringBuilder(code.Length);
        foreach (var rawLine in code.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var continues = joined.Length > 0 && ("=+-*/,(.&|?:[".Contains(joined[^1], StringComparison.Ordinal) || ".+-*/,)?:&|]".Contains(line[0], StringComparison.Ordinal));
            joined.Append(continues ? " " : ";").Append(line);
        }

        var text = joined.ToString();
        var statements = new List<(string, int)>();
        var start = 0;
        var depth = 0;
        foreach (var i in CodePositions(text, 0))
        {
            var c = text[i];
            if (c is ';' or '{' or '}')
            {
                AddStatement(statements, text[start..i], depth);
                depth = Math.Max(0, depth + (c == '{' ? 1 : c == '}' ? -1 : 0));
                start = i + 1;
            }
        }

        AddStatement(statements, text[start..], depth);
        return statements;
    }

    private static void AddStatement(List<(string, int)> statements, string statement, int depth)
    {
        statement = statement.Trim();
        if (statement.Length > 0)
        {
            statements.Add((statement, depth));
        }
    }

    /// <summary>
    /// The expression with string literals emptied (their words are not variables, a quoted "location.hash" is not a
    /// source) but template literal placeholders kept, since <c>${name}</c> is code.
    /// </summary>
    private static string CodeOnly(string expression)
    {
        var code = new StringBuilder(expression.Length);
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c is not ('\'' or '"' or '`'))
            {
                code.Append(c);
                continue;
            }

            var end = i + 1;
            while (end < expression.Length && expression[end] != c)
            {
                end += expression[end] == '\\' ? 2 : 1;
            }

            code.Append(c).Append(c);
            if (c == '`' && end > i + 1)
            {
                foreach (Match placeholder in Placeholder().Matches(expression[(i + 1)..Math.Min(end, expression.Length)]))
                {
                    code.Append(" + (").Append(placeholder.Groups[1].Value).Append(')');
                }
            }

            i = end;
        }

        return code.ToString();
    }

    // location.hash/search/href (also via window., document., self., top.), document.URL/documentURI/referrer/baseURI, window.name.
    [GeneratedRegex(@"(?<![\w$])(?:(?:(?:window|self|top|document)\.)?location\.(?<location>hash|search|href)|document\.(?<document>URL|documentURI|referrer|baseURI)|window\.name)(?![\w$])", RegexOptions.CultureInvariant)]
    private static partial Regex Source();

    [GeneratedRegex(@"\.(?<sink>innerHTML|outerHTML)\s*\+?=(?!=)", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlPropertySink();

    [GeneratedRegex(@"(?:(?<![\w$.])(?<sink>eval|setTimeout|setInterval|jQuery|\$)|(?<sink>document\.writeln|document\.write)|\.(?<sink>insertAdjacentHTML|html))\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex CallSink();

    // Encoders and sanitizers, a numeric conversion, or a hand-written entity replacement.
    [GeneratedRegex(@"DOMPurify|sanitize|(?<!un)escape|encodeURI|encodeURIComponent|encodeForHTML|parseInt|parseFloat|Number\s*\(|&lt;|&amp;|\.text\s*\(", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Sanitizer();

    [GeneratedRegex(@"\$\{([^}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(?:(?:var|let|const)\s+)?(?<name>[A-Za-z_$][\w$]*)\s*(?<op>\+?=)(?!=)\s*(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Assignment();

    // A variable use: an identifier that is not a property access and not an object key.
    [GeneratedRegex(@"(?<![\w$.])[A-Za-z_$][\w$]*(?![\w$])(?!\s*:)", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    // Block comments, and line comments that start a line or follow whitespace or punctuation (not "http://").
    [GeneratedRegex(@"/\*.*?\*/|(?<![:\w'""\\])//[^\n]*", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Comment();
}
