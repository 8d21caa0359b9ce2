using System.Globalization;
using System.Text.RegularExpressions;
using Harrier.TestTargets.Infrastructure;
using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Remote file inclusion, simulated: the vulnerable page "includes" the page it is given; a URL is fetched through
/// <see cref="LoopbackFetcher"/> (loopback only) and run by a toy interpreter that knows one statement,
/// <c>&lt;?php echo A*B; ?&gt;</c>. Everything is shown HTML-encoded, so the page is not also an XSS hole. The twin
/// includes only its own local pages.
/// </summary>
internal static partial class FileInclusionEndpoints
{
    private static readonly Dictionary<string, string> s_localPages = new(StringComparer.Ordinal)
    {
        ["intro.txt"] = "Welcome to the documentation.",
        ["faq.txt"] = "Frequently asked questions: none yet.",
    };

    public static void Map(WebApplication app) =>
        app.MapGetTwin("/rfi/page", static safe => async context =>
        {
            var page = context.Request.Query["page"].ToString();
            string content;
            if (s_localPages.TryGetValue(page, out var local))
            {
                content = local;
            }
            else if (!safe && Uri.TryCreate(page, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                content = Run(await LoopbackFetcher.FetchAsync(uri, context.RequestAborted).ConfigureAwait(false));
            }
            else
            {
                content = "No such page.";
            }

            await Html.WritePageAsync(context, "Documentation", $"<div class=\"doc\">{Html.Encode(content)}</div>").ConfigureAwait(false);
        });

    /// <summary>The toy interpreter: each <c>&lt;?php echo A*B; ?&gt;</c> becomes the product; other text stays as it is.</summary>
    internal static string Run(string source) =>
        EchoProduct().Replace(source, m => (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));

    [GeneratedRegex(@"<\?php\s+echo\s+(\d{1,9})\s*\*\s*(\d{1,9})\s*;\s*\?>", RegexOptions.CultureInvariant)]
    private static partial Regex EchoProduct();
}
