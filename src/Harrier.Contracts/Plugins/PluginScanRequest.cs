using Harrier.Contracts.Models;

namespace Harrier.Contracts.Plugins;

/// <summary>
/// Body of the CI plugins' <c>CreateFromPluginScanRequest</c> and <c>VerifyPluginScanRequest</c> (contract §2.35–§2.36;
/// not in the vendor's spec). Sent form-urlencoded with <c>VcsCommitInfoModel.X</c> or <c>VcsCommitInfoModel[X]</c> keys.
/// </summary>
public sealed record PluginScanRequest
{
    public Guid? WebsiteId { get; init; }

    /// <summary><c>Incremental</c>, <c>FullWithPrimaryProfile</c> or <c>FullWithSelectedProfile</c>.</summary>
    public string? ScanType { get; init; }

    public Guid? ProfileId { get; init; }

    public VcsCommitInfo? VcsCommitInfoModel { get; init; }
}
