namespace Harrier.Engine.Checks.Passive.Cookies;

/// <summary>Reports a cookie finding once per (check, site, cookie name), at the first page that sets it, with the cookie as parameter.</summary>
internal static class CookieFindings
{
    public static void Report(PassiveCheckContext context, CheckMetadata metadata, FindingType type, SetCookieHeader cookie, string proof)
    {
        var response = context.Response;
        var site = Headers.SecurityHeaderRules.SiteRoot(response.Request.Url);
        if (!context.TryClaimOnce(metadata.Id + " " + type.Name + " " + site + " " + cookie.Name))
        {
            return;
        }

        var finding = FindingFactory.Create(metadata, type, response.Request, point: null, payload: null, context.CreateEvidence(proof), url: PageKey.Of(response.Request.Url)) with
        {
            Parameter = cookie.Name,
            ParameterLocation = "Cookie",
        };
        context.Report(finding);
    }
}
