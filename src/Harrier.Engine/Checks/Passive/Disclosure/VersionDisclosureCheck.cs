using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>
/// Reports server and framework versions disclosed in response headers (<c>Server</c>, <c>X-Powered-By</c>,
/// <c>X-AspNet-Version</c>, <c>X-AspNetMvc-Version</c>), one finding per product type and site, at the first page that sends it.
/// A product name without a version is not reported.
/// </summary>
internal sealed class VersionDisclosureCheck : IPassiveCheck
{
    public static IReadOnlyList<SignatureLine> Signatures { get; } = SignatureLine.Load("version-signatures.txt", RegexOptions.IgnoreCase);

    public CheckMetadata Metadata => VersionDisclosureDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        var site = Headers.SecurityHeaderRules.SiteRoot(response.Request.Url);
        foreach (var signature in Signatures)
        {
            foreach (var value in response.GetHeaders(signature.Fields[1]))
            {
                var match = signature.Pattern.Match(value);
                if (!match.Success || !context.TryClaimOnce(Metadata.Id + " " + signature.TypeName + " " + site))
                {
                    continue;
                }

                context.Report(FindingFactory.Create(
                    Metadata, Metadata.Type(signature.TypeName), response.Request, point: null, payload: null,
                    context.CreateEvidence(signature.Fields[1] + ": " + value), url: PageKey.Of(response.Request.Url)));
            }
        }
    }
}
