namespace Harrier.Engine.Checks.Passive.Forms;

/// <summary>
/// Reports password fields that let the browser store and autofill the value: neither the field nor its form says
/// <c>autocomplete="off"</c> or <c>"new-password"</c>. One finding per page.
/// </summary>
internal sealed class PasswordAutocompleteCheck : IPassiveCheck
{
    public CheckMetadata Metadata => PasswordAutocompleteDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        foreach (var form in PasswordForms.In(response, out _))
        {
            var formSetting = form.GetAttribute("autocomplete");
            foreach (var field in form.QuerySelectorAll("input[type=password i]"))
            {
                var setting = (field.GetAttribute("autocomplete") ?? formSetting)?.Trim();
                if (setting is not null && (setting.Equals("off", StringComparison.OrdinalIgnoreCase) || setting.Equals("new-password", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var page = PageKey.Of(response.Request.Url);
                if (context.TryClaimOnce(Metadata.Id + " " + page))
                {
                    context.Report(FindingFactory.Create(
                        Metadata, Metadata.Types[0], response.Request, point: null, payload: null, context.CreateEvidence(field.OuterHtml), url: page) with
                    {
                        Parameter = field.GetAttribute("name"),
                        ParameterLocation = field.GetAttribute("name") is null ? null : "Form",
                    });
                }

                return;
            }
        }
    }
}
