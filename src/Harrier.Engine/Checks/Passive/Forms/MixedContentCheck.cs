using AngleSharp.Html.Parser;

namespace Harrier.Engine.Checks.Passive.Forms;

/// <summary>
/// Reports HTTPS pages that load scripts (<c>MixedContentScript</c>) or stylesheets and frames
/// (<c>MixedContentResource</c>) over plain http:. Normal, successful HTML responses only; once per type and page.
/// </summary>
internal sealed class MixedContentCheck : IPassiveCheck
{
    private static readonly (string Selector, string Attribute, string Type)[] s_resources =
    [
        ("script[src]", "src", "MixedContentScript"),
        ("link[rel~=stylesheet i][href]", "href", "MixedContentResource"),
        ("iframe[src]", "src", "MixedContentResource"),
        ("object[data]", "data", "MixedContentResource"),
    ];

    public CheckMetadata Metadata => MixedContentDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        var page = response.Request.Url;
        if (page.Scheme != Uri.UriSchemeHttps || response.Request.IsAttack || response.StatusCode is < 200 or >= 300 || !response.IsHtml
            || !response.BodyText.Contains("http:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var document = new HtmlParser().ParseDocument(response.BodyText);
        foreach (var (selector, attribute, type) in s_resources)
        {
            // Relative and protocol-relative URLs inherit https; only an explicit http: URL is insecure.
            var element = document.QuerySelectorAll(selector)
                .FirstOrDefault(e => e.GetAttribute(attribute)!.Trim().StartsWith("http:", StringComparison.OrdinalIgnoreCase));
            if (element is not null && context.TryClaimOnce(Metadata.Id + " " + type + " " + PageKey.Of(page)))
            {
                context.Report(FindingFactory.Create(
                    Metadata, Metadata.Type(type), response.Request, point: null, payload: null, context.CreateEvidence(element.OuterHtml), url: PageKey.Of(page)));
            }
        }
    }
}
