using System.Text.RegularExpressions;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// CRLF / HTTP header injection. Kestrel refuses raw CR/LF in header values, so the hole is simulated: the vulnerable
/// page splits the value on CR/LF the way a raw-socket server would, and every following <c>Name: value</c> line
/// becomes a real response header. The twin removes CR and LF.
/// </summary>
internal static partial class HeaderInjectionEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGetTwin("/crlf/lang", static safe => context =>
        {
            var lang = context.Request.Query["lang"].ToString();
            if (lang.Length == 0)
            {
                lang = "en";
            }

            var headers = context.Response.Headers;
            if (safe)
            {
                headers.ContentLanguage = Html.ToHeaderValue(lang.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal));
            }
            else
            {
                var lines = lang.Split('\n');
                headers.ContentLanguage = Html.ToHeaderValue(lines[0].TrimEnd('\r'));
                foreach (var line in lines.Skip(1))
                {
                    if (HeaderLine().Match(line.TrimEnd('\r')) is { Success: true } header)
                    {
                        headers.Append(header.Groups["name"].Value, Html.ToHeaderValue(header.Groups["value"].Value));
                    }
                }
            }

            return Html.WritePageAsync(context, "Language", "<p>Your language preference was saved.</p>");
        });
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}):\s*(?<value>.{0,512})$")]
    private static partial Regex HeaderLine();
}
