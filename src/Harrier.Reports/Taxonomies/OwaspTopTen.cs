namespace Harrier.Reports.Taxonomies;

/// <summary>The OWASP Top 10 lists of 2013, 2017 and 2021, and the CWE mapping used when a finding carries only a CWE.</summary>
internal static class OwaspTopTen
{
    public static IReadOnlyList<Category> Y2021 { get; } =
    [
        new("A01", "Broken Access Control"),
        new("A02", "Cryptographic Failures"),
        new("A03", "Injection"),
        new("A04", "Insecure Design"),
        new("A05", "Security Misconfiguration"),
        new("A06", "Vulnerable and Outdated Components"),
        new("A07", "Identification and Authentication Failures"),
        new("A08", "Software and Data Integrity Failures"),
        new("A09", "Security Logging and Monitoring Failures"),
        new("A10", "Server-Side Request Forgery"),
    ];

    public static IReadOnlyList<Category> Y2017 { get; } =
    [
        new("A1", "Injection"),
        new("A2", "Broken Authentication"),
        new("A3", "Sensitive Data Exposure"),
        new("A4", "XML External Entities (XXE)"),
        new("A5", "Broken Access Control"),
        new("A6", "Security Misconfiguration"),
        new("A7", "Cross-Site Scripting (XSS)"),
        new("A8", "Insecure Deserialization"),
        new("A9", "Using Components with Known Vulnerabilities"),
        new("A10", "Insufficient Logging and Monitoring"),
    ];

    public static IReadOnlyList<Category> Y2013 { get; } =
    [
        new("A1", "Injection"),
        new("A2", "Broken Authentication and Session Management"),
        new("A3", "Cross-Site Scripting (XSS)"),
        new("A4", "Insecure Direct Object References"),
        new("A5", "Security Misconfiguration"),
        new("A6", "Sensitive Data Exposure"),
        new("A7", "Missing Function Level Access Control"),
        new("A8", "Cross-Site Request Forgery (CSRF)"),
        new("A9", "Using Components with Known Vulnerabilities"),
        new("A10", "Unvalidated Redirects and Forwards"),
    ];

    // CWE → (2013, 2017, 2021). Covers what a DAST scanner reports; an unmapped CWE is listed as "not mapped".
    private static readonly Dictionary<string, (string? Y2013, string? Y2017, string Y2021)> s_byCwe = new(StringComparer.Ordinal)
    {
        ["79"] = ("A3", "A7", "A03"),
        ["80"] = ("A3", "A7", "A03"),
        ["89"] = ("A1", "A1", "A03"),
        ["77"] = ("A1", "A1", "A03"),
        ["78"] = ("A1", "A1", "A03"),
        ["90"] = ("A1", "A1", "A03"),
        ["91"] = ("A1", "A1", "A03"),
        ["94"] = ("A1", "A1", "A03"),
        ["643"] = ("A1", "A1", "A03"),
        ["917"] = ("A1", "A1", "A03"),
        ["1336"] = ("A1", "A1", "A03"),
        ["113"] = ("A1", "A1", "A03"),
        ["611"] = (null, "A4", "A05"),
        ["22"] = ("A4", "A5", "A01"),
        ["23"] = ("A4", "A5", "A01"),
        ["98"] = ("A1", "A1", "A03"),
        ["639"] = ("A4", "A5", "A01"),
        ["284"] = ("A7", "A5", "A01"),
        ["285"] = ("A7", "A5", "A01"),
        ["862"] = ("A7", "A5", "A01"),
        ["863"] = ("A7", "A5", "A01"),
        ["548"] = ("A5", "A6", "A01"),
        ["352"] = ("A8", null, "A01"),
        ["601"] = ("A10", null, "A01"),
        ["918"] = (null, null, "A10"),
        ["200"] = ("A6", "A3", "A01"),
        ["209"] = ("A5", "A6", "A04"),
        ["311"] = ("A6", "A3", "A04"),
        ["319"] = ("A6", "A3", "A02"),
        ["326"] = ("A6", "A3", "A02"),
        ["327"] = ("A6", "A3", "A02"),
        ["523"] = ("A6", "A3", "A02"),
        ["614"] = ("A6", "A3", "A05"),
        ["16"] = ("A5", "A6", "A05"),
        ["693"] = ("A5", "A6", "A05"),
        ["1004"] = ("A5", "A6", "A05"),
        ["1021"] = ("A5", "A6", "A04"),
        ["942"] = ("A5", "A6", "A05"),
        ["287"] = ("A2", "A2", "A07"),
        ["384"] = ("A2", "A2", "A07"),
        ["613"] = ("A2", "A2", "A07"),
        ["798"] = ("A2", "A2", "A07"),
        ["521"] = ("A2", "A2", "A07"),
        ["307"] = ("A2", "A2", "A07"),
        ["502"] = (null, "A8", "A08"),
        ["829"] = ("A9", "A9", "A08"),
        ["1104"] = ("A9", "A9", "A06"),
        ["937"] = ("A9", "A9", "A06"),
        ["1035"] = ("A9", "A9", "A06"),
        ["778"] = (null, "A10", "A09"),
        ["117"] = (null, "A10", "A09"),
    };

    /// <summary>The category of <paramref name="classification"/> in the list of <paramref name="year"/>, or <c>null</c>.</summary>
    public static string? CategoryOf(Core.Findings.Classification classification, int year)
    {
        if (year == 2021 && Normalize2021(classification.OwaspTopTen2021) is { } direct)
        {
            return direct;
        }

        foreach (var cwe in CweList.Parse(classification.Cwe))
        {
            if (s_byCwe.TryGetValue(cwe, out var mapped))
            {
                return year switch { 2013 => mapped.Y2013, 2017 => mapped.Y2017, _ => mapped.Y2021 };
            }
        }

        return null;
    }

    /// <summary>"A3", "A03", "A03:2021" and "A03:2021-Injection" all become "A03".</summary>
    private static string? Normalize2021(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var head = value.Trim().Split(':', '-', ' ')[0].ToUpperInvariant();
        return head.Length >= 2 && head[0] == 'A' && int.TryParse(head.AsSpan(1), out var n) && n is >= 1 and <= 10
            ? "A" + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}
