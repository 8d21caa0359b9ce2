namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>
/// Reports a site whose HTML pages can be framed: no <c>X-Frame-Options</c> and no CSP <c>frame-ancestors</c>.
/// Once per site (scheme, host, port), at the first such page (the site root may well be protected).
/// </summary>
internal sealed class MissingXFrameOptionsCheck : IPassiveCheck
{
    public CheckMetadata Metadata => MissingXFrameOptionsDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (!SecurityHeaderRules.AppliesTo(response)
            || response.GetHeader("X-Frame-Options") is { Length: > 0 }
            || SecurityHeaderRules.CspDirective(response, "frame-ancestors") is not null)
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
            context.CreateEvidence("No X-Frame-Options header at " + response.Request.Url.AbsoluteUri),
            url: PageKey.Of(response.Request.Url)));
    }
}
