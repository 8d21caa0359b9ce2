namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>
/// Reports a site whose successful responses lack <c>X-Content-Type-Options: nosniff</c> (missing or another value),
/// once per site, at the first page that lacks it, with the first such response as evidence.
/// </summary>
internal sealed class MissingXContentTypeOptionsCheck : IPassiveCheck
{
    public CheckMetadata Metadata => MissingXContentTypeOptionsDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.StatusCode is < 200 or >= 300 || response.Body.Length == 0
            || string.Equals(response.GetHeader("X-Content-Type-Options")?.Trim(), "nosniff", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var site = SecurityHeaderRules.SiteRoot(response.Request.Url);
        if (!context.TryClaimOnce(Metadata.Id + " " + site))
        {
            return;
        }

        var value = response.GetHeader("X-Content-Type-Options");
        var proof = value is null
            ? "No X-Content-Type-Options header at " + response.Request.Url.AbsoluteUri
            : "X-Content-Type-Options: " + value + " (not nosniff) at " + response.Request.Url.AbsoluteUri;
        context.Report(FindingFactory.Create(Metadata, Metadata.Types[0], response.Request, point: null, payload: null, context.CreateEvidence(proof), url: PageKey.Of(response.Request.Url)));
    }
}
