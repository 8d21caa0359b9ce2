using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Scripts;

/// <summary>The finding text and classification of <see cref="DomXssCheck"/>.</summary>
internal static class DomXssDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "dom-xss",
        Name = "DOM-based Cross-site Scripting",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("DomBasedXss", "DOM based Cross-site Scripting", Severity.High, IsConfirmed: false, Certainty: 90),
        ],
        Cwe = "79",
        OwaspTopTen2021 = "A03",
        Wasc = "8",
        Capec = "588",
        References =
        [
            new Uri("https://owasp.org/www-community/attacks/DOM_Based_XSS"),
            new Uri("https://cwe.mitre.org/data/definitions/79.html"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/DOM_based_XSS_Prevention_Cheat_Sheet.html"),
        ],
        Description =
            "A page script reads a value the attacker controls (the URL's fragment or query, the referrer, window.name) " +
            "and writes it into the page as HTML or runs it as code (innerHTML, document.write, eval, jQuery html()), " +
            "without sanitizing it.",
        Impact =
            "An attacker who gets a victim to open a crafted link runs script in the victim's session on this site; " +
            "a payload in the URL fragment never reaches the server, so server-side filters and logs do not see it.",
        Remediation =
            "Write untrusted values with textContent, setAttribute or jQuery text() instead of HTML sinks; never pass " +
            "them to eval, setTimeout or setInterval as strings; if HTML is really needed, sanitize it with DOMPurify; " +
            "add a restrictive Content-Security-Policy with Trusted Types.",
        Maturity = Maturity.Beta,
    };
}
