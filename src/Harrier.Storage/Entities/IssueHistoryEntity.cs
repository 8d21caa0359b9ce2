using Harrier.Core.Issues;

namespace Harrier.Storage.Entities;

/// <summary>One event of an issue: found, a state change by a scan or a user, or a sighting that left a user's state alone.</summary>
public sealed class IssueHistoryEntity
{
    public Guid Id { get; set; }

    public Guid IssueId { get; set; }

    public DateTime At { get; set; }

    /// <summary>The scan behind the event, or null when a user made it.</summary>
    public Guid? ScanId { get; set; }

    /// <summary>The user behind the event, or null when a scan made it.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Who did it, as shown: the user's name, or the scan type.</summary>
    public required string Owner { get; set; }

    /// <summary>Null when the issue was first found.</summary>
    public IssueState? FromState { get; set; }

    public IssueState ToState { get; set; }

    public required string Message { get; set; }

    public string? Note { get; set; }
}
