using Harrier.Reports.Taxonomies;

namespace Harrier.Reports.Formatting;

/// <summary>The <c>Classification</c> members of the Vulnerabilities report (contract §6.1), in order; <c>null</c> where n/a.</summary>
internal static class ClassificationFields
{
    public static IEnumerable<(string Name, string? Value)> Of(Core.Findings.Classification c)
    {
        yield return ("Iso27001", null);
        yield return ("Capec", c.Capec);
        yield return ("Cvss", null);
        yield return ("Cvss31", null);
        yield return ("Cvss40", null);
        yield return ("Cwe", c.Cwe);
        yield return ("Hipaa", null);
        yield return ("Owasp", OwaspTopTen.CategoryOf(c, 2017));
        yield return ("OwaspProactiveControls", null);
        yield return ("Pci32", null);
        yield return ("Wasc", c.Wasc);
        yield return ("Asvs40", null);
        yield return ("Nistsp80053", null);
        yield return ("DisaStig", null);
        yield return ("OwaspApiTop10", null);
        yield return ("OwaspTopTen2021", OwaspTopTen.CategoryOf(c, 2021));
        yield return ("OwaspTopTen2023", null);
        yield return ("PciDss40", null);
    }
}
