namespace Harrier.Storage.Entities;

/// <summary>A report policy. Built-in policies have no owner.</summary>
public sealed class ReportPolicyEntity
{
    public Guid Id { get; set; }

    public Guid? UserId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool IsDefault { get; set; }

    public bool IsShared { get; set; }
}
