namespace Harrier.Reports.Taxonomies;

/// <summary>The WASC Threat Classification v2.0, by id.</summary>
internal static class WascThreats
{
    private static readonly string[] s_names =
    [
        "Insufficient Authentication", "Insufficient Authorization", "Integer Overflows", "Insufficient Transport Layer Protection",
        "Remote File Inclusion", "Format String", "Buffer Overflow", "Cross-site Scripting", "Cross-site Request Forgery",
        "Denial of Service", "Brute Force", "Content Spoofing", "Information Leakage", "Server Misconfiguration",
        "Application Misconfiguration", "Directory Indexing", "Improper Filesystem Permissions", "Credential/Session Prediction",
        "SQL Injection", "Improper Input Handling", "Insufficient Anti-automation", "Improper Output Handling", "XML Injection",
        "HTTP Request Splitting", "HTTP Response Splitting", "HTTP Request Smuggling", "HTTP Response Smuggling",
        "Null Byte Injection", "LDAP Injection", "Mail Command Injection", "OS Commanding", "Routing Detour", "Path Traversal",
        "Predictable Resource Location", "SOAP Array Abuse", "SSI Injection", "Session Fixation", "URL Redirector Abuse",
        "XPath Injection", "Insufficient Process Validation", "XML Attribute Blowup", "Abuse of Functionality",
        "XML External Entities", "XML Entity Expansion", "Fingerprinting", "XQuery Injection", "Insufficient Session Expiration",
        "Insecure Indexing", "Insufficient Password Recovery",
    ];

    public static IReadOnlyList<Category> List { get; } =
        s_names.Select((name, i) => new Category((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), name)).ToList();

    /// <summary>"8", "WASC-8" or "WASC-08" become "8"; an unknown id gives <c>null</c>.</summary>
    public static string? CategoryOf(Core.Findings.Classification classification)
    {
        var value = classification.Wasc?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var first = value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)[0];
        if (first.StartsWith("WASC-", StringComparison.OrdinalIgnoreCase))
        {
            first = first[5..];
        }

        return int.TryParse(first, out var id) && id >= 1 && id <= s_names.Length
            ? id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}
