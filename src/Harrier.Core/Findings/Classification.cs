namespace Harrier.Core.Findings;

/// <summary>Where a finding sits in the usual catalogues, e.g. CWE "79", OWASP 2021 "A03", WASC "8".</summary>
public sealed record Classification(string? Cwe, string? OwaspTopTen2021, string? Wasc, string? Capec)
{
    public static Classification Empty { get; } = new(null, null, null, null);
}
