using AngleSharp.Html.Parser;

namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>
/// Reports a site whose HTML pages set no referrer policy: no <c>Referrer-Policy</c> header and no
/// <c>&lt;meta name="referrer"&gt;</c>. Once per site, at the first such page.
/// </summary>
internal sealed class MissingReferrerPolicyCheck : IPassiveCheck
{
    public CheckMetadata Metadata => MissingReferrerPolicyDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (!SecurityHeaderRules.AppliesTo(response) || response.GetHeader("Referrer-Policy") is { Length: > 0 })
        {
            return;
        }

        var site = SecurityHeaderRules.SiteRoot(response.Request.Url);
        if (response.BodyText.Contains("referrer", StringComparison.OrdinalIgnoreCase)
            && new HtmlParser().ParseDocument(response.BodyText).QuerySelector("meta[name=referrer i][content]") is not null)
        {
            return;
        }

        if (context.TryClaimOnce(Metadata.Id + " " + site))
        {
            context.Report(FindingFactory.Create(
                Metadata, Metadata.Types[0], response.Request, point: null, payload: null,
                context.CreateEvidence("No Referrer-Policy header at " + response.Request.Url.AbsoluteUri), url: PageKey.Of(response.Request.Url)));
        }
    }
}
