namespace Harrier.Engine.Checks.Passive.Forms;

/// <summary>
/// Reports login forms whose password goes over plain HTTP: a form that submits to an <c>http://</c> URL
/// (<c>PasswordOverHttp</c>), or a form served over HTTP that submits to HTTPS (<c>PasswordFormOverHttp</c>: the page
/// itself can be altered in transit). One finding per page.
/// </summary>
internal sealed class PasswordOverHttpCheck : IPassiveCheck
{
    public CheckMetadata Metadata => PasswordOverHttpDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        var page = response.Request.Url;
        foreach (var form in PasswordForms.In(response, out var document))
        {
            var target = PasswordForms.Target(form, page, document!);
            string? typeName = null;
            if (target?.Scheme == Uri.UriSchemeHttp)
            {
                typeName = "PasswordOverHttp";
            }
            else if (page.Scheme == Uri.UriSchemeHttp && target?.Scheme == Uri.UriSchemeHttps)
            {
                typeName = "PasswordFormOverHttp";
            }

            if (typeName is not null && context.TryClaimOnce(Metadata.Id + " " + PageKey.Of(page)))
            {
                var html = form.OuterHtml.Length > 500 ? form.OuterHtml[..500] : form.OuterHtml;
                context.Report(FindingFactory.Create(
                    Metadata, Metadata.Type(typeName), response.Request, point: null, payload: null,
                    context.CreateEvidence("Form served at " + page.AbsoluteUri + " submits to " + target!.AbsoluteUri + ": " + html),
                    url: PageKey.Of(page)));
                return;
            }
        }
    }
}
