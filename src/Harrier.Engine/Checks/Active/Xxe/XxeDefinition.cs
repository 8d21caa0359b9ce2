using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.Xxe;

/// <summary>The finding text and classification of <see cref="XxeCheck"/>.</summary>
internal static class XxeDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "xxe",
        Name = "XML External Entity Injection",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("Xxe", "XML External Entity Injection", Severity.Critical, IsConfirmed: true, Certainty: 100),
            new FindingType("OutOfBandXxe", "Out-of-Band XML External Entity Injection", Severity.Critical, IsConfirmed: true, Certainty: 100),
            new FindingType("PossibleXxe", "Possible XML External Entity Injection (entities expanded)", Severity.Medium, IsConfirmed: false, Certainty: 70),
        ],
        Cwe = "611",
        OwaspTopTen2021 = "A05",
        Wasc = "43",
        Capec = "221",
        References =
        [
            new Uri("https://owasp.org/www-community/vulnerabilities/XML_External_Entity_(XXE)_Processing"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html"),
        ],
        Description = "The server's XML parser processes the document type definition the request supplies and resolves external entities: local files or URLs named by the attacker.",
        Impact =
            "An attacker reads files on the server, makes it send requests to internal systems (SSRF), and can exhaust its " +
            "memory with nested entities.",
        Remediation =
            "Disable DTD processing in the XML parser (or at least external entities and external DTDs); in .NET use " +
            "DtdProcessing.Prohibit and no XmlResolver; prefer simpler formats such as JSON where possible.",
        Maturity = Maturity.Beta,
    };
}
