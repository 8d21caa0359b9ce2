using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Active.OpenRedirect;

/// <summary>
/// Open redirect: values pointing at a random host under the reserved <c>.example</c> TLD. A finding needs the
/// response itself to send the browser there — a 3xx <c>Location</c> or <c>Refresh</c> header, a meta refresh, or a
/// script assigning <c>location</c> — resolved like a browser would (backslashes as slashes). The scanner never
/// requests the redirect target. POST forms yield <c>OpenRedirectInPost</c>.
/// </summary>
internal sealed partial class OpenRedirectCheck : IActiveCheck
{
    private static readonly IReadOnlyList<string> s_payloads = PayloadFile.ReadLines("open-redirect-payloads.txt");

    public static IReadOnlyList<string> Payloads => s_payloads;

    public CheckMetadata Metadata => OpenRedirectDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var template in s_payloads)
        {
            if (context.IsBudgetExhausted)
            {
                return;
            }

            var host = ActiveCheckContext.NewToken() + ".example";
            var payload = template.Replace("{h}", host, StringComparison.Ordinal);
            var response = await context.SendValueAsync(payload, cancellationToken).ConfigureAwait(false);
            if (response is null || RedirectTarget(response, host) is not { } proof)
            {
                continue;
            }

            var type = Metadata.Type(context.Request.Method == "GET" ? "OpenRedirect" : "OpenRedirectInPost");
            var finding = FindingFactory.Create(Metadata, type, context.Request, context.InsertionPoint, payload, context.CreateEvidence(response, proof));
            await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    /// <summary>The header or markup that sends the browser to <paramref name="host"/>, or null.</summary>
    internal static string? RedirectTarget(ScanHttpResponse response, string host)
    {
        if (response.StatusCode is >= 300 and < 400 && response.GetHeader("Location") is { } location && PointsTo(response.Request.Url, location, host))
        {
            return "Location: " + location;
        }

        if (response.GetHeader("Refresh") is { } refresh && RefreshUrl(refresh) is { } refreshUrl && PointsTo(response.Request.Url, refreshUrl, host))
        {
            return "Refresh: " + refresh;
        }

        var body = response.BodyText;
        if (!response.IsHtml || !body.Contains(host, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        using var document = new HtmlParser().ParseDocument(body);
        foreach (var meta in document.QuerySelectorAll("meta[http-equiv]"))
        {
            if (string.Equals(meta.GetAttribute("http-equiv")?.Trim(), "refresh", StringComparison.OrdinalIgnoreCase)
                && RefreshUrl(meta.GetAttribute("content") ?? "") is { } url && PointsTo(response.Request.Url, url, host))
            {
                return meta.OuterHtml;
            }
        }

        foreach (var script in document.Scripts)
        {
            foreach (Match match in ScriptNavigation().Matches(script.Text))
            {
                if (PointsTo(response.Request.Url, Regex.Unescape(match.Groups["url"].Value), host))
                {
                    return match.Value;
                }
            }
        }

        return null;
    }

    private static string? RefreshUrl(string content)
    {
        var index = content.IndexOf("url", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }

        var rest = content[(index + 3)..].TrimStart();
        return rest.StartsWith('=') ? rest[1..].Trim().Trim('\'', '"') : null;
    }

    private static bool PointsTo(Uri page, string target, string host)
    {
        var normalized = target.Trim().Replace('\\', '/');
        return Uri.TryCreate(page, normalized, out var resolved)
            && resolved.Host.Equals(host, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"(?:location(?:\.href)?\s*=|location\.(?:replace|assign)\s*\()\s*(?<q>['""])(?<url>[^'""\r\n]{1,2000})\k<q>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScriptNavigation();
}
