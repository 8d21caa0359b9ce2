namespace Harrier.Contracts.Plugins;

/// <summary>Body of <c>ScanInfoForPlugin</c> (contract §2.38): Jenkins sends it as single-quoted pseudo-JSON, the GitHub Action as a form.</summary>
public sealed record ScanInfoRequest
{
    public Guid? ScanId { get; init; }

    public bool DoNotFail { get; init; }

    /// <summary>Count confirmed issues only.</summary>
    public bool IsConfirmed { get; init; }

    public IgnoredVulnerabilityStateFilters? IgnoredVulnerabilityStateFilters { get; init; }
}
