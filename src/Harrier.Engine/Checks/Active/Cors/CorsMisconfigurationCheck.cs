namespace Harrier.Engine.Checks.Active.Cors;

/// <summary>
/// CORS misconfiguration: once per page (method and URL without query), the original request is sent with an
/// <c>Origin</c> of a random host under the reserved <c>.example</c> TLD, then with <c>Origin: null</c>. A finding
/// needs <c>Access-Control-Allow-Origin</c> echoing that origin together with <c>Access-Control-Allow-Credentials:
/// true</c>; a wildcard, or a reflection without credentials, is not reported. A resource check: it probes the page
/// itself, so an API without any parameter (<c>GET /api/account</c>) is probed too.
/// </summary>
internal sealed class CorsMisconfigurationCheck : IResourceCheck
{
    public CheckMetadata Metadata => CorsMisconfigurationDefinition.Metadata;

    /// <summary>A retest probes the page itself again.</summary>
    public IEnumerable<Uri> PagesProbing(Uri found) => [found];

    public async Task RunAsync(ResourceCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Http.StaticFile.Is(context.Request.Url) || !context.TryClaimOnce(Metadata.Id + " " + context.Request.Method + " " + context.Request.Url.GetLeftPart(UriPartial.Path)))
        {
            return;
        }

        foreach (var origin in new[] { "https://" + ActiveCheckContext.NewToken() + ".example", "null" })
        {
            var response = await context.SendAsync(context.Request.WithHeader("Origin", origin), cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return;
            }

            var allowed = response.GetHeader("Access-Control-Allow-Origin")?.Trim();
            var credentials = response.GetHeader("Access-Control-Allow-Credentials")?.Trim();
            if (!string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase) || !string.Equals(credentials, "true", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var finding = FindingFactory.Create(
                Metadata, Metadata.Types[0], context.Request, point: null, payload: "Origin: " + origin,
                context.CreateEvidence(response, "Access-Control-Allow-Origin: " + allowed + " with Access-Control-Allow-Credentials: " + credentials),
                url: context.Request.Url.GetLeftPart(UriPartial.Path));
            await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
            return;
        }
    }
}
