using Harrier.Engine.Checks.Active.SqlInjection;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>
/// Reports database error messages (the error-based SQL injection signatures) in responses to normal, unattacked
/// requests; one finding per page. Errors that an attack provokes belong to the SQL injection checks.
/// </summary>
internal sealed class DatabaseErrorDisclosureCheck : IPassiveCheck
{
    public CheckMetadata Metadata => DatabaseErrorDisclosureDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.Request.IsAttack || response.Body.Length == 0 || !DisclosureRules.IsText(response)
            || SqlErrorSignatures.FirstNewMatch(response.BodyText, "") is not { } match)
        {
            return;
        }

        var page = PageKey.Of(response.Request.Url);
        if (!context.TryClaimOnce(Metadata.Id + " " + page))
        {
            return;
        }

        var type = Metadata.Types[0];
        context.Report(FindingFactory.Create(
            Metadata, type with { Title = type.Title + " (" + match.Signature.Database + ")" }, response.Request, point: null, payload: null,
            context.CreateEvidence(match.Match), url: page));
    }
}
