using Harrier.Core.Scans;

namespace Harrier.Storage.Entities;

/// <summary>A saved launch configuration (<c>newwithprofile</c>, CI plugins).</summary>
public sealed class ScanProfileEntity
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    public Guid? WebsiteId { get; set; }

    public bool IsPrimary { get; set; }

    public bool IsShared { get; set; }

    public bool IsTimeWindowEnabled { get; set; }

    public Guid? AgentId { get; set; }

    public Guid? AgentGroupId { get; set; }

    public required ScanConfiguration Configuration { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
