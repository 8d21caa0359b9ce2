namespace Harrier.Reports.Taxonomies;

/// <summary>Reads the CWE field of a finding: "79", "CWE-79" or a list such as "1035, 937".</summary>
internal static class CweList
{
    public static IReadOnlyList<string> Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        return value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) ? part[4..] : part)
            .Where(part => part.Length > 0 && part.All(char.IsAsciiDigit))
            .ToList();
    }
}
