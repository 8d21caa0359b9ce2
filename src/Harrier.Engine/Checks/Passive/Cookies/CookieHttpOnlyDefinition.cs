using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Cookies;

/// <summary>The finding text and classification of <see cref="CookieHttpOnlyCheck"/>.</summary>
internal static class CookieHttpOnlyDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "cookie-not-httponly",
        Name = "Cookie Not Marked as HttpOnly",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("CookieNotMarkedAsHttpOnly", "Cookie Not Marked as HttpOnly", Severity.Low, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "1004",
        OwaspTopTen2021 = "A05",
        Wasc = "13",
        References =
        [
            new Uri("https://owasp.org/www-community/HttpOnly"),
            new Uri("https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies#restrict_access_to_cookies"),
        ],
        Description = "A cookie is set without the HttpOnly attribute, so scripts running in the page can read it.",
        Impact = "If the site has a cross-site scripting flaw, an attacker's script can steal the cookie, e.g. a session identifier, and hijack the session.",
        Remediation = "Add the HttpOnly attribute to every cookie that scripts do not need to read, session cookies above all.",
        Maturity = Maturity.Beta,
    };
}
