using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>The finding text and classification of <see cref="VersionDisclosureCheck"/>; one type per product in <c>version-signatures.txt</c>.</summary>
internal static class VersionDisclosureDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "version-disclosure",
        Name = "Server and Framework Version Disclosure",
        Kind = CheckKind.Passive,
        Types =
        [
            .. VersionDisclosureCheck.Signatures
                .DistinctBy(s => s.TypeName)
                .Select(s => new FindingType(s.TypeName, s.Fields[0] + " Version Disclosure", Severity.Information, IsConfirmed: true, Certainty: 100)),
        ],
        Cwe = "497",
        OwaspTopTen2021 = "A05",
        Wasc = "13",
        References =
        [
            new Uri("https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/02-Fingerprint_Web_Server"),
            new Uri("https://cwe.mitre.org/data/definitions/497.html"),
        ],
        Description = "Response headers name the web server or framework together with its exact version.",
        Impact = "Attackers learn which known vulnerabilities apply to the site without probing for them, which makes targeted attacks cheaper.",
        Remediation =
            "Remove version numbers from headers: e.g. ServerTokens Prod (Apache), server_tokens off (nginx), expose_php = Off " +
            "(PHP), enableVersionHeader=\"false\" and removing X-Powered-By (ASP.NET), AddServerHeader = false (Kestrel).",
        Maturity = Maturity.Beta,
    };
}
