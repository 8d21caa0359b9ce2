namespace Harrier.Reports.Taxonomies;

/// <summary>A classification list a compliance-style report groups findings by, and how a finding is placed in it.</summary>
internal sealed record CategoryScheme(
    string Title,
    string Note,
    IReadOnlyList<Category> Categories,
    Func<Core.Findings.Classification, string?> Assign)
{
    public static CategoryScheme For(ReportType type) => type switch
    {
        ReportType.OwaspTopTen2021 => new(
            "OWASP Top 10 (2021)",
            "Findings are placed by their OWASP 2021 category, or by their CWE when they have none.",
            OwaspTopTen.Y2021,
            c => OwaspTopTen.CategoryOf(c, 2021)),
        ReportType.OwaspTopTen2017 => new(
            "OWASP Top 10 (2017)",
            "Harrier classifies findings by OWASP 2021; this list places them by their CWE. Findings whose CWE has no 2017 category are listed at the end.",
            OwaspTopTen.Y2017,
            c => OwaspTopTen.CategoryOf(c, 2017)),
        ReportType.OwaspTopTen2013 => new(
            "OWASP Top 10 (2013)",
            "Harrier classifies findings by OWASP 2021; this list places them by their CWE. Findings whose CWE has no 2013 category are listed at the end.",
            OwaspTopTen.Y2013,
            c => OwaspTopTen.CategoryOf(c, 2013)),
        ReportType.SansTop25 => new(
            "CWE/SANS Top 25 Most Dangerous Software Weaknesses (2024)",
            "Findings are placed by their CWE.",
            CweTopTwentyFive.List,
            CweTopTwentyFive.CategoryOf),
        ReportType.Pci32 => new(
            "PCI DSS 3.2 — Requirement 6.5",
            "Findings are placed by their CWE under the coding vulnerabilities of requirement 6.5; a scan is one input to a PCI assessment, not an attestation.",
            PciDss32.List,
            PciDss32.CategoryOf),
        ReportType.WASC => new(
            "WASC Threat Classification v2.0",
            "Findings are placed by their WASC id.",
            WascThreats.List,
            WascThreats.CategoryOf),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a classification report."),
    };
}
