using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.HeaderInjection;

/// <summary>The finding text and classification of <see cref="CrlfInjectionCheck"/>.</summary>
internal static class CrlfInjectionDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "crlf-injection",
        Name = "HTTP Header Injection (CRLF)",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("HeaderInjection", "HTTP Header Injection", Severity.High, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "113",
        OwaspTopTen2021 = "A03",
        Wasc = "25",
        Capec = "105",
        References =
        [
            new Uri("https://owasp.org/www-community/vulnerabilities/CRLF_Injection"),
            new Uri("https://cwe.mitre.org/data/definitions/113.html"),
        ],
        Description = "A request value is written into a response header without removing line breaks, so it can add headers of its own.",
        Impact =
            "An attacker sets cookies in the victim's browser (session fixation), adds or overrides security headers, " +
            "splits the response to poison caches or injects script into the body.",
        Remediation = "Reject or strip CR and LF in every value written to a header; use the framework's header APIs, which validate values.",
        Maturity = Maturity.Beta,
    };
}
