using System.Text.Json.Serialization;

namespace Harrier.Contracts.Plugins;

/// <summary>The envelope every CI-plugin endpoint answers with (contract §2.35–§2.39).</summary>
public sealed record PluginScanResult
{
    public bool IsValid { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Guid? ScanTaskId { get; init; }

    /// <summary>Only on <c>ScanInfoForPlugin</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? State { get; init; }

    /// <summary>Only on <c>ScanInfoForPlugin</c>: the severities found, with non-zero counts only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, int>? FoundedSeverityAndCounts { get; init; }

    public string? ErrorMessage { get; init; }
}
