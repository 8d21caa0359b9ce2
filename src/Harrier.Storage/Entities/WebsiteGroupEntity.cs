namespace Harrier.Storage.Entities;

public sealed class WebsiteGroupEntity
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public List<string> Tags { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<WebsiteEntity> Websites { get; set; } = [];
}
