namespace Harrier.Engine.Checks.Passive.Cookies;

/// <summary>
/// Reports each cookie set without the <c>HttpOnly</c> attribute, once per site and cookie name. Anti-forgery cookies
/// meant to be read by script (names containing <c>xsrf</c> or <c>csrf</c>) are exempt.
/// </summary>
internal sealed class CookieHttpOnlyCheck : IPassiveCheck
{
    public CheckMetadata Metadata => CookieHttpOnlyDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var cookie in SetCookieHeader.LiveCookies(context.Response))
        {
            if (cookie.Has("HttpOnly") || IsScriptReadableByDesign(cookie.Name))
            {
                continue;
            }

            CookieFindings.Report(context, Metadata, Metadata.Types[0], cookie, "Set-Cookie: " + cookie.Raw);
        }
    }

    private static bool IsScriptReadableByDesign(string name) =>
        name.Contains("xsrf", StringComparison.OrdinalIgnoreCase) || name.Contains("csrf", StringComparison.OrdinalIgnoreCase);
}
