using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>
/// Server-side source code in a response: code a server should have executed, recognised by its opening syntax
/// followed by code (<c>&lt;?php</c>, ASP.NET and JSP directives, <c>&lt;% … %&gt;</c> blocks with statements). Markup
/// that only mentions the syntax is HTML-encoded in a rendered page and never matches.
/// </summary>
internal static partial class ServerSideCode
{
    /// <summary>The finding type and the matched text of the first server-side code in <paramref name="text"/>, or null.</summary>
    public static (string Type, string Code)? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (type, pattern) in (ReadOnlySpan<(string, Regex)>)[
            ("PhpSourceCodeDisclosure", Php()),
            ("AspNetSourceCodeDisclosure", AspNet()),
            ("JavaSourceCodeDisclosure", Jsp()),
            ("GenericSourceCodeDisclosure", Generic()),
        ])
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return (type, match.Value);
            }
        }

        return null;
    }

    [GeneratedRegex(@"<\?(php\s+(\$[A-Za-z_]|(echo|print|require|require_once|include|include_once|namespace|use|function|class|if|foreach|session_start|define|header|error_reporting|ini_set|declare)\b|/[/*]|#)|=\s*\$[A-Za-z_])[^\r\n]{0,80}", RegexOptions.CultureInvariant)]
    private static partial Regex Php();

    [GeneratedRegex(@"<%@\s*(Page|Control|Master|Import|Assembly|WebService|Application|Language)\s+[A-Za-z]+\s*=[^\r\n]{0,80}", RegexOptions.CultureInvariant)]
    private static partial Regex AspNet();

    [GeneratedRegex(@"<%@\s*(page|include|taglib)\s+[a-zA-Z]+\s*=[^\r\n]{0,80}|<jsp:(useBean|include|forward|getProperty|setProperty)\s", RegexOptions.CultureInvariant)]
    private static partial Regex Jsp();

    [GeneratedRegex(@"<%=?\s*(Response\.Write|Request\.(Form|QueryString)|Server\.CreateObject|Dim\s+[A-Za-z_]|out\.print|request\.getParameter|System\.out\.)[^\r\n]{0,80}", RegexOptions.CultureInvariant)]
    private static partial Regex Generic();
}
