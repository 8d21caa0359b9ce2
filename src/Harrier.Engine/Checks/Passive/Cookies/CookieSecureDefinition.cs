using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Cookies;

/// <summary>The finding text and classification of <see cref="CookieSecureCheck"/>.</summary>
internal static class CookieSecureDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "cookie-not-secure",
        Name = "Cookie Not Marked as Secure",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("CookieNotMarkedAsSecure", "Cookie Not Marked as Secure", Severity.Medium, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "614",
        OwaspTopTen2021 = "A05",
        Wasc = "4",
        References =
        [
            new Uri("https://owasp.org/www-community/controls/SecureCookieAttribute"),
            new Uri("https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#secure"),
        ],
        Description = "An HTTPS site sets a cookie without the Secure attribute, so the browser also sends it over plain HTTP.",
        Impact = "An attacker on the network can make the browser request any http:// URL of the site and read the cookie in clear text, e.g. a session identifier.",
        Remediation = "Add the Secure attribute to every cookie of an HTTPS site, and redirect HTTP to HTTPS with HSTS.",
        Maturity = Maturity.Beta,
    };
}
