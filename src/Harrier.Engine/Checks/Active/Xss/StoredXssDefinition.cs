using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.Xss;

/// <summary>The finding text and classification of <see cref="StoredXssCheck"/>.</summary>
internal static class StoredXssDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "stored-xss",
        Name = "Stored (Persistent) Cross-site Scripting",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("PermanentXss", "Permanent Cross-site Scripting", Severity.High, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "79",
        OwaspTopTen2021 = "A03",
        Wasc = "8",
        Capec = "592",
        References =
        [
            new Uri("https://owasp.org/www-community/attacks/xss/#stored-xss-attacks"),
            new Uri("https://cwe.mitre.org/data/definitions/79.html"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html"),
        ],
        Description =
            "The application stores a submitted value (a comment, a profile field) and later shows it on a page without " +
            "encoding it for the context it lands in, so markup and script in the value run for everyone who views that page.",
        Impact =
            "Script planted once runs in the session of every visitor of the page, administrators included, without " +
            "any crafted link: session theft, actions as the victim, defacement or a self-spreading worm.",
        Remediation =
            "Encode every stored value for its output context (HTML text, attribute, JavaScript, URL) when it is shown, " +
            "with the framework's encoder; validate input against an allow list; sanitize rich text with a proven HTML " +
            "sanitizer; add a restrictive Content-Security-Policy.",
        Maturity = Maturity.Beta,
    };
}
