namespace Harrier.Storage.Entities;

/// <summary>
/// One ASP.NET Core Data Protection key (its XML element). On PostgreSQL the key ring lives here, so every server and
/// agent sharing the database decrypts what any of them encrypted; on SQLite it stays in the data directory.
/// </summary>
public sealed class DataProtectionKeyEntity
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
