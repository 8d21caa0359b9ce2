using System.Text.Json;

namespace Harrier.TestTargets;

/// <summary>The machine-readable list of the test target's deliberate holes (embedded <c>vulnerabilities.json</c>).</summary>
public static class KnownVulnerabilities
{
    /// <summary>The resource name of the embedded list, for tools that want the raw JSON.</summary>
    public const string ResourceName = "Harrier.TestTargets.vulnerabilities.json";

    private static readonly Lazy<IReadOnlyList<KnownVulnerability>> s_all = new(Load);

    /// <summary>Every known vulnerability, in file order.</summary>
    public static IReadOnlyList<KnownVulnerability> All => s_all.Value;

    /// <summary>The entry with the given id.</summary>
    /// <exception cref="KeyNotFoundException">No entry has that id.</exception>
    public static KnownVulnerability Get(string id) =>
        All.FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No known vulnerability with id '{id}'.");

    /// <summary>Opens the raw embedded JSON.</summary>
    public static Stream OpenJson() =>
        typeof(KnownVulnerabilities).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");

    private static IReadOnlyList<KnownVulnerability> Load()
    {
        using var stream = OpenJson();
        var document = JsonSerializer.Deserialize(stream, KnownVulnerabilitiesJsonContext.Default.KnownVulnerabilityDocument)
            ?? throw new InvalidOperationException("vulnerabilities.json is empty.");
        return document.Vulnerabilities;
    }
}
