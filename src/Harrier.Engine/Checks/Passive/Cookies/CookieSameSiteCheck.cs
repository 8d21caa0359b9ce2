namespace Harrier.Engine.Checks.Passive.Cookies;

/// <summary>
/// Reports each cookie set without a <c>SameSite</c> attribute (<c>SameSiteCookieNotImplemented</c>), or with
/// <c>SameSite=None</c> but without <c>Secure</c> (<c>SameSiteCookieNotMarkedAsSecure</c>, which browsers reject);
/// once per site and cookie name.
/// </summary>
internal sealed class CookieSameSiteCheck : IPassiveCheck
{
    public CheckMetadata Metadata => CookieSameSiteDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var cookie in SetCookieHeader.LiveCookies(context.Response))
        {
            var sameSite = cookie.Get("SameSite");
            if (string.IsNullOrWhiteSpace(sameSite))
            {
                CookieFindings.Report(context, Metadata, Metadata.Type("SameSiteCookieNotImplemented"), cookie, "Set-Cookie: " + cookie.Raw);
            }
            else if (sameSite.Equals("None", StringComparison.OrdinalIgnoreCase) && !cookie.Has("Secure"))
            {
                CookieFindings.Report(context, Metadata, Metadata.Type("SameSiteCookieNotMarkedAsSecure"), cookie, "Set-Cookie: " + cookie.Raw);
            }
        }
    }
}
