namespace Harrier.Storage.Entities;

/// <summary>
/// A scan policy. Built-in policies have no owner. <see cref="SettingsJson"/> is the whole Invicti
/// <c>ScanPolicySettingApiModel</c> as given; the engine reads the members it understands from it.
/// </summary>
public sealed class ScanPolicyEntity
{
    public Guid Id { get; set; }

    public Guid? UserId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool IsDefault { get; set; }

    public bool IsShared { get; set; }

    public string SettingsJson { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }
}
