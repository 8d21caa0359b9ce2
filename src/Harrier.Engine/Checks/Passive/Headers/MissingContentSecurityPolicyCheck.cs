namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>Reports a site whose HTML pages carry no <c>Content-Security-Policy</c> header; once per site, at the first page that lacks it.</summary>
internal sealed class MissingContentSecurityPolicyCheck : IPassiveCheck
{
    public CheckMetadata Metadata => MissingContentSecurityPolicyDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (!SecurityHeaderRules.AppliesTo(response) || response.GetHeader("Content-Security-Policy") is { Length: > 0 })
        {
            return;
        }

        var site = SecurityHeaderRules.SiteRoot(response.Request.Url);
        if (!context.TryClaimOnce(Metadata.Id + " " + site))
        {
            return;
        }

        context.Report(FindingFactory.Create(
            Metadata,
            Metadata.Types[0],
            response.Request,
            point: null,
            payload: null,
            context.CreateEvidence("No Content-Security-Policy header at " + response.Request.Url.AbsoluteUri),
            url: PageKey.Of(response.Request.Url)));
    }
}
