using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Cookies;

/// <summary>The finding text and classification of <see cref="CookieSameSiteCheck"/>.</summary>
internal static class CookieSameSiteDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "cookie-samesite",
        Name = "SameSite Cookie Not Implemented",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("SameSiteCookieNotImplemented", "SameSite Cookie Not Implemented", Severity.Low, IsConfirmed: true, Certainty: 100),
            new FindingType("SameSiteCookieNotMarkedAsSecure", "SameSite=None Cookie Not Marked as Secure", Severity.Low, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "1275",
        OwaspTopTen2021 = "A01",
        References =
        [
            new Uri("https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#samesitesamesite-value"),
            new Uri("https://owasp.org/www-community/SameSite"),
        ],
        Description =
            "A cookie is set without a SameSite attribute (its cross-site behaviour is left to browser defaults), or with " +
            "SameSite=None but without Secure, which modern browsers reject.",
        Impact = "Cookies sent on cross-site requests make cross-site request forgery and some cross-site leaks possible.",
        Remediation = "Set SameSite=Lax (or Strict) on every cookie; use SameSite=None only together with Secure, and only where cross-site use is required.",
        Maturity = Maturity.Beta,
    };
}
