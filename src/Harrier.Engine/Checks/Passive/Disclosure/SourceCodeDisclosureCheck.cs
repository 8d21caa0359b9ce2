namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>
/// Reports server-side source code (PHP, ASP.NET, JSP, classic ASP) in successful text responses to normal requests:
/// code the server sent instead of running. Once per type and page.
/// </summary>
internal sealed class SourceCodeDisclosureCheck : IPassiveCheck
{
    public CheckMetadata Metadata => SourceCodeDisclosureDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.Request.IsAttack || response.StatusCode is < 200 or >= 300 || response.Body.Length == 0 || !DisclosureRules.IsText(response)
            || ServerSideCode.Find(response.BodyText) is not { } code)
        {
            return;
        }

        var page = PageKey.Of(response.Request.Url);
        if (context.TryClaimOnce(Metadata.Id + " " + code.Type + " " + page))
        {
            context.Report(FindingFactory.Create(
                Metadata, Metadata.Type(code.Type), response.Request, point: null, payload: null, context.CreateEvidence(code.Code), url: page));
        }
    }
}
