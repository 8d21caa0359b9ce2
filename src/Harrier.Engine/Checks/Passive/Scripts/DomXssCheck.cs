using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Passive.Scripts;

/// <summary>
/// DOM-based XSS by static analysis of the scripts the scan receives: inline <c>&lt;script&gt;</c> blocks of HTML pages
/// and JavaScript files (the crawler fetches same-site <c>script src</c>). A flow from a URL, referrer or window.name
/// source into an HTML or code sink (<see cref="DomXssAnalyzer"/>) is reported once per page and source, and once per
/// script text (the same layout script on many pages is one finding).
/// </summary>
internal sealed class DomXssCheck : IPassiveCheck
{
    public CheckMetadata Metadata => DomXssDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.Request.IsAttack || response.Request.Method != "GET" || response.Body.Length == 0)
        {
            return;
        }

        foreach (var script in Scripts(response))
        {
            if (DomXssAnalyzer.FindFlow(script) is not { } flow)
            {
                continue;
            }

            // Once per page and source, and once per script text: a site-wide layout script is one bug, reported where
            // it was first seen rather than on every page that includes it.
            var page = PageKey.Of(response.Request.Url);
            var scriptHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
            if (context.TryClaimOnce(Metadata.Id + " " + page + " " + flow.Source) && context.TryClaimOnce(Metadata.Id + " script " + scriptHash + " " + flow.Source))
            {
                var finding = FindingFactory.Create(
                    Metadata, Metadata.Types[0], response.Request, point: null, payload: null, context.CreateEvidence(flow.Statement), url: page);
                context.Report(finding with { Parameter = flow.Source, ParameterLocation = LocationOf(flow.Source) });
            }
        }
    }

    private static IEnumerable<string> Scripts(ScanHttpResponse response)
    {
        if (IsJavaScript(response.ContentType))
        {
            return [response.BodyText];
        }

        if (!response.IsHtml || !response.BodyText.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var parser = new HtmlParser();
        using var document = parser.ParseDocument(response.BodyText);
        return
        [
            .. document.Scripts
                .Where(s => string.IsNullOrEmpty(s.Source) && (string.IsNullOrWhiteSpace(s.Type) || IsJavaScript(s.Type) || s.Type.Equals("module", StringComparison.OrdinalIgnoreCase)))
                .Select(s => s.Text),
        ];
    }

    private static bool IsJavaScript(string? contentType) =>
        contentType is not null && (contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase) || contentType.Contains("ecmascript", StringComparison.OrdinalIgnoreCase));

    /// <summary>Where the attacker puts the value, in the finding's ParameterLocation terms.</summary>
    private static string? LocationOf(string source) => source switch
    {
        "location.hash" => "Fragment",
        "location.search" or "location.href" or "document.URL" or "document.documentURI" or "document.baseURI" => "Query",
        "document.referrer" => "Header",
        _ => null,
    };
}
