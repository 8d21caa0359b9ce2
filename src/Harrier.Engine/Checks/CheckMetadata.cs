using Harrier.Core.Findings;

namespace Harrier.Engine.Checks;

/// <summary>
/// Everything known about a check before it runs: a stable kebab-case id that is never reused, the finding types it
/// can emit, its classification and the text shown with its findings. Each check declares it next to its logic.
/// </summary>
public sealed record CheckMetadata
{
    /// <summary>Stable kebab-case id, never reused (e.g. <c>reflected-xss</c>).</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required CheckKind Kind { get; init; }

    /// <summary>The Invicti vulnerability types the check emits; the first is the main one.</summary>
    public required IReadOnlyList<FindingType> Types { get; init; }

    /// <summary>CWE id without prefix, e.g. "79".</summary>
    public required string Cwe { get; init; }

    /// <summary>OWASP Top 10 2021 category, e.g. "A03".</summary>
    public required string OwaspTopTen2021 { get; init; }

    public string? Wasc { get; init; }

    public string? Capec { get; init; }

    public required IReadOnlyList<Uri> References { get; init; }

    public required string Description { get; init; }

    public required string Impact { get; init; }

    public required string Remediation { get; init; }

    public Maturity Maturity { get; init; } = Maturity.Beta;

    /// <summary>
    /// False for checks a policy must switch on explicitly (e.g. trying default credentials): they run only when a
    /// policy lists them as enabled, never by default.
    /// </summary>
    public bool EnabledByDefault { get; init; } = true;

    public Classification Classification => new(Cwe, OwaspTopTen2021, Wasc, Capec);

    /// <summary>The highest severity among <see cref="Types"/>.</summary>
    public Core.Scans.Severity Severity => Types.Max(t => t.Severity);

    public FindingType Type(string name) =>
        Types.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException("Check " + Id + " does not declare type " + name + ".", nameof(name));
}
