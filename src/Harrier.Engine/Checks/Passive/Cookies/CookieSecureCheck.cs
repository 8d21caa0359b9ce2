namespace Harrier.Engine.Checks.Passive.Cookies;

/// <summary>Reports each cookie an HTTPS response sets without the <c>Secure</c> attribute, once per site and cookie name.</summary>
internal sealed class CookieSecureCheck : IPassiveCheck
{
    public CheckMetadata Metadata => CookieSecureDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.Request.Url.Scheme != Uri.UriSchemeHttps)
        {
            return;
        }

        foreach (var cookie in SetCookieHeader.LiveCookies(context.Response))
        {
            if (!cookie.Has("Secure"))
            {
                CookieFindings.Report(context, Metadata, Metadata.Types[0], cookie, "Set-Cookie: " + cookie.Raw);
            }
        }
    }
}
