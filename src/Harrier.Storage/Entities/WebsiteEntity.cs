using Harrier.Core.Scans;

namespace Harrier.Storage.Entities;

/// <summary>A site the user scans. <see cref="RootUrl"/> is normalized (<c>scheme://host[:port]/path/</c>).</summary>
public sealed class WebsiteEntity
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string RootUrl { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public string? TechnicalContactEmail { get; set; }

    public AgentMode AgentMode { get; set; } = AgentMode.Cloud;

    public LicenseType LicenseType { get; set; } = LicenseType.Subscription;

    public WebsiteProtocol DefaultProtocol { get; set; } = WebsiteProtocol.Http;

    public List<string> Tags { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? DeletedAt { get; set; }

    public List<WebsiteGroupEntity> Groups { get; set; } = [];
}
