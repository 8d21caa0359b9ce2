using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>
/// Reports automatic directory listings (Apache, nginx, IIS, Tomcat, lighttpd, LiteSpeed, ASP.NET Core) in successful
/// HTML responses to normal requests, recognised by each server's own listing markup; one finding per page.
/// </summary>
internal sealed class DirectoryListingCheck : IPassiveCheck
{
    public static IReadOnlyList<SignatureLine> Signatures { get; } =
        SignatureLine.Load("directory-listing-signatures.txt", RegexOptions.IgnoreCase | RegexOptions.Singleline);

    public CheckMetadata Metadata => DirectoryListingDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.Request.IsAttack || response.StatusCode is < 200 or >= 300 || !response.IsHtml)
        {
            return;
        }

        var body = response.BodyText;
        foreach (var signature in Signatures)
        {
            var match = signature.Pattern.Match(body);
            if (!match.Success)
            {
                continue;
            }

            var page = PageKey.Of(response.Request.Url);
            if (context.TryClaimOnce(Metadata.Id + " " + page))
            {
                var proof = match.Value.Length > 300 ? match.Value[..300] : match.Value;
                context.Report(FindingFactory.Create(
                    Metadata, Metadata.Type(signature.TypeName), response.Request, point: null, payload: null,
                    context.CreateEvidence(proof), url: page));
            }

            return;
        }
    }
}
