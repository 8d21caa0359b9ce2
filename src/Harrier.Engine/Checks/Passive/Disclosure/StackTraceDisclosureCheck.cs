using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>
/// Reports stack traces and programming error messages (ASP.NET, Java, PHP, Python) in response bodies, matched by the
/// runtime's own frame syntax; one finding per type and page (URL without query), attack responses included.
/// </summary>
internal sealed class StackTraceDisclosureCheck : IPassiveCheck
{
    public static IReadOnlyList<SignatureLine> Signatures { get; } = SignatureLine.Load("stack-trace-signatures.txt", RegexOptions.None);

    public CheckMetadata Metadata => StackTraceDisclosureDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.Body.Length == 0 || !DisclosureRules.IsText(response))
        {
            return;
        }

        var body = response.BodyText;
        var page = PageKey.Of(response.Request.Url);
        foreach (var signature in Signatures)
        {
            var match = signature.Pattern.Match(body);
            if (match.Success && context.TryClaimOnce(Metadata.Id + " " + signature.TypeName + " " + page))
            {
                context.Report(FindingFactory.Create(
                    Metadata, Metadata.Type(signature.TypeName), response.Request, point: null, payload: null,
                    context.CreateEvidence(match.Value), url: page));
            }
        }
    }
}
