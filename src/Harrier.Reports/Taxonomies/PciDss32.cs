namespace Harrier.Reports.Taxonomies;

/// <summary>
/// PCI DSS 3.2 requirement 6.5 (common coding vulnerabilities in bespoke and custom software), the list Invicti's
/// <c>Pci32</c> (formerly <c>PCICompliance</c>) report follows. Findings are placed by their CWE.
/// </summary>
internal static class PciDss32
{
    public static IReadOnlyList<Category> List { get; } =
    [
        new("6.5.1", "Injection flaws, particularly SQL injection; also OS command, LDAP, XPath and other injection flaws"),
        new("6.5.2", "Buffer overflows"),
        new("6.5.3", "Insecure cryptographic storage"),
        new("6.5.4", "Insecure communications"),
        new("6.5.5", "Improper error handling"),
        new("6.5.7", "Cross-site scripting (XSS)"),
        new("6.5.8", "Improper access control (insecure direct object references, path traversal, failure to restrict URL access)"),
        new("6.5.9", "Cross-site request forgery (CSRF)"),
        new("6.5.10", "Broken authentication and session management"),
    ];

    private static readonly Dictionary<string, string> s_requirementByCwe = new(StringComparer.Ordinal)
    {
        ["89"] = "6.5.1", ["78"] = "6.5.1", ["77"] = "6.5.1", ["94"] = "6.5.1", ["90"] = "6.5.1", ["643"] = "6.5.1", ["611"] = "6.5.1",
        ["917"] = "6.5.1", ["1336"] = "6.5.1", ["113"] = "6.5.1", ["93"] = "6.5.1", ["74"] = "6.5.1", ["95"] = "6.5.1",
        ["119"] = "6.5.2", ["120"] = "6.5.2", ["787"] = "6.5.2", ["125"] = "6.5.2",
        ["311"] = "6.5.3", ["312"] = "6.5.3", ["327"] = "6.5.3", ["328"] = "6.5.3",
        ["319"] = "6.5.4", ["523"] = "6.5.4", ["614"] = "6.5.4",
        ["209"] = "6.5.5", ["210"] = "6.5.5", ["211"] = "6.5.5", ["497"] = "6.5.5", ["200"] = "6.5.5", ["550"] = "6.5.5",
        ["79"] = "6.5.7", ["80"] = "6.5.7", ["83"] = "6.5.7",
        ["22"] = "6.5.8", ["23"] = "6.5.8", ["36"] = "6.5.8", ["284"] = "6.5.8", ["285"] = "6.5.8", ["639"] = "6.5.8", ["548"] = "6.5.8",
        ["601"] = "6.5.8", ["942"] = "6.5.8", ["918"] = "6.5.8",
        ["352"] = "6.5.9",
        ["287"] = "6.5.10", ["384"] = "6.5.10", ["613"] = "6.5.10", ["1004"] = "6.5.10", ["1275"] = "6.5.10", ["522"] = "6.5.10",
        ["525"] = "6.5.10", ["549"] = "6.5.10",
    };

    public static string? CategoryOf(Core.Findings.Classification classification) =>
        CweList.Parse(classification.Cwe).Select(cwe => s_requirementByCwe.GetValueOrDefault(cwe)).FirstOrDefault(r => r is not null);
}
