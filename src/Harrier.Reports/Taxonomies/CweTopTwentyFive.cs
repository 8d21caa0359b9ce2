namespace Harrier.Reports.Taxonomies;

/// <summary>The CWE Top 25 Most Dangerous Software Weaknesses (2024 edition), the list the SANS Top 25 report follows, in rank order.</summary>
internal static class CweTopTwentyFive
{
    public static IReadOnlyList<Category> List { get; } =
    [
        new("79", "Improper Neutralization of Input During Web Page Generation (Cross-site Scripting)"),
        new("787", "Out-of-bounds Write"),
        new("89", "Improper Neutralization of Special Elements used in an SQL Command (SQL Injection)"),
        new("352", "Cross-Site Request Forgery (CSRF)"),
        new("22", "Improper Limitation of a Pathname to a Restricted Directory (Path Traversal)"),
        new("125", "Out-of-bounds Read"),
        new("78", "Improper Neutralization of Special Elements used in an OS Command (OS Command Injection)"),
        new("416", "Use After Free"),
        new("862", "Missing Authorization"),
        new("434", "Unrestricted Upload of File with Dangerous Type"),
        new("94", "Improper Control of Generation of Code (Code Injection)"),
        new("20", "Improper Input Validation"),
        new("77", "Improper Neutralization of Special Elements used in a Command (Command Injection)"),
        new("287", "Improper Authentication"),
        new("269", "Improper Privilege Management"),
        new("502", "Deserialization of Untrusted Data"),
        new("200", "Exposure of Sensitive Information to an Unauthorized Actor"),
        new("863", "Incorrect Authorization"),
        new("918", "Server-Side Request Forgery (SSRF)"),
        new("119", "Improper Restriction of Operations within the Bounds of a Memory Buffer"),
        new("476", "NULL Pointer Dereference"),
        new("798", "Use of Hard-coded Credentials"),
        new("190", "Integer Overflow or Wraparound"),
        new("400", "Uncontrolled Resource Consumption"),
        new("306", "Missing Authentication for Critical Function"),
    ];

    public static string? CategoryOf(Core.Findings.Classification classification) =>
        CweList.Parse(classification.Cwe).FirstOrDefault(cwe => List.Any(c => c.Id == cwe));
}
