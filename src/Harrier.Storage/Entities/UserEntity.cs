namespace Harrier.Storage.Entities;

/// <summary>An API user. The API token is never stored: only its SHA-256 hash.</summary>
public sealed class UserEntity
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>Lower-case hex SHA-256 of the API token; unique, so a token alone identifies its user.</summary>
    public required string TokenHash { get; set; }

    /// <summary>.NET date pattern for pre-formatted date fields, e.g. <c>dd/MM/yyyy</c>.</summary>
    public string DateFormat { get; set; } = "dd/MM/yyyy";

    /// <summary>.NET time pattern for pre-formatted times, e.g. <c>hh:mm tt</c>.</summary>
    public string TimeFormat { get; set; } = "hh:mm tt";

    /// <summary>Time zone id (IANA or Windows) in which pre-formatted dates are shown and read.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    public bool IsAdmin { get; set; }

    public DateTime CreatedAt { get; set; }
}
