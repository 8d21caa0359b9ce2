using Harrier.Core.Issues;
using Harrier.Core.Scans;

namespace Harrier.Storage.Entities;

/// <summary>
/// One vulnerability of a website tracked across scans, matched by <see cref="Fingerprint"/> (type, normalized URL, method,
/// parameter). The descriptive members follow the latest finding; <see cref="History"/> records every state change.
/// </summary>
public sealed class IssueEntity
{
    public Guid Id { get; set; }

    /// <summary>The website owner: issues are never visible to another user.</summary>
    public Guid UserId { get; set; }

    public Guid WebsiteId { get; set; }

    public required string Fingerprint { get; set; }

    public required string CheckId { get; set; }

    public required string Type { get; set; }

    public required string Title { get; set; }

    public Severity Severity { get; set; }

    public int Certainty { get; set; }

    public bool IsConfirmed { get; set; }

    public required string Url { get; set; }

    public required string Method { get; set; }

    public string? Parameter { get; set; }

    public IssueState State { get; set; }

    public Guid FirstSeenScanId { get; set; }

    public DateTime FirstSeenAt { get; set; }

    public Guid LastSeenScanId { get; set; }

    public DateTime LastSeenAt { get; set; }

    /// <summary>The scan that found it gone (FixedUnconfirmed by a full scan, FixedConfirmed by a retest); null while open.</summary>
    public Guid? FixedInScanId { get; set; }

    public DateTime? FixedAt { get; set; }

    public DateTime? FixedConfirmedAt { get; set; }

    public DateTime? LastRevivedAt { get; set; }

    /// <summary>The finding of <see cref="LastSeenScanId"/>.</summary>
    public Guid LatestVulnerabilityId { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid? AssigneeId { get; set; }

    public List<string> Tags { get; set; } = [];

    public List<IssueHistoryEntity> History { get; set; } = [];
}
