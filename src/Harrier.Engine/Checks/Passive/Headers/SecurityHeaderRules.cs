using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>Shared rules of the security-header checks: which responses they judge, and the per-site key.</summary>
internal static class SecurityHeaderRules
{
    /// <summary>Successful HTML documents: the pages a browser would render and an attacker would frame or inject into.</summary>
    public static bool AppliesTo(ScanHttpResponse response) =>
        response.StatusCode is >= 200 and < 300 && response.IsHtml && response.Body.Length > 0;

    /// <summary>The site root (<c>scheme://host:port/</c>): the key that makes site-wide findings once per site (they are reported at the page that shows them).</summary>
    public static string SiteRoot(Uri url) => url.GetLeftPart(UriPartial.Authority) + "/";

    /// <summary>The Content-Security-Policy directive value (lower-cased name match), or null.</summary>
    public static string? CspDirective(ScanHttpResponse response, string directive)
    {
        foreach (var policy in response.GetHeaders("Content-Security-Policy"))
        {
            foreach (var part in policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.StartsWith(directive, StringComparison.OrdinalIgnoreCase)
                    && (part.Length == directive.Length || char.IsWhiteSpace(part[directive.Length])))
                {
                    return part[directive.Length..].Trim();
                }
            }
        }

        return null;
    }
}
