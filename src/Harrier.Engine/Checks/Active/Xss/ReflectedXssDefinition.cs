using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.Xss;

/// <summary>The finding text and classification of <see cref="ReflectedXssCheck"/>, kept as data apart from its logic.</summary>
internal static class ReflectedXssDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "reflected-xss",
        Name = "Reflected Cross-site Scripting",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("Xss", "Cross-site Scripting", Severity.High, IsConfirmed: true, Certainty: 100),
            new FindingType("PossibleXss", "Possible Cross-site Scripting", Severity.Medium, IsConfirmed: false, Certainty: 50),
        ],
        Cwe = "79",
        OwaspTopTen2021 = "A03",
        Wasc = "8",
        Capec = "591",
        References =
        [
            new Uri("https://owasp.org/www-community/attacks/xss/"),
            new Uri("https://cwe.mitre.org/data/definitions/79.html"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html"),
        ],
        Description =
            "The application copies a request value into its HTML response without encoding it for the context it lands in, " +
            "so markup and script sent in the value are interpreted by the browser.",
        Impact =
            "An attacker who gets a victim to open a crafted link runs script in the victim's session on this site: " +
            "stealing session data, acting as the victim, or rewriting the page.",
        Remediation =
            "Encode every untrusted value for its output context (HTML text, attribute, JavaScript, URL) with the " +
            "framework's encoder, validate input against an allow list, and add a restrictive Content-Security-Policy.",
        Maturity = Maturity.Beta,
    };
}
