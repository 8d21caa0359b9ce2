using System.Globalization;
using System.Security.Claims;

namespace Harrier.Server.Authentication;

/// <summary>The authenticated user of a request, with the settings pre-formatted dates follow.</summary>
internal sealed record Caller(Guid Id, string Name, string DateFormat, string TimeFormat, TimeZoneInfo TimeZone)
{
    public const string DateFormatClaim = "harrier:date-format";
    public const string TimeFormatClaim = "harrier:time-format";
    public const string TimeZoneClaim = "harrier:time-zone";

    public static Caller From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var zoneId = principal.FindFirstValue(TimeZoneClaim) ?? "UTC";
        return new Caller(
            id,
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            principal.FindFirstValue(DateFormatClaim) ?? "dd/MM/yyyy",
            principal.FindFirstValue(TimeFormatClaim) ?? "hh:mm tt",
            TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc);
    }

    /// <summary><c>InitiatedDate</c>-style text in the caller's format and time zone.</summary>
    public string FormatDate(DateTime utc) => ToLocal(utc).ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary><c>InitiatedTime</c>-style text: date and time in the caller's format and time zone.</summary>
    public string FormatDateTime(DateTime utc) =>
        ToLocal(utc).ToString(DateFormat + " " + TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A date the caller wrote in their own format and time zone, or null when it is not in that format.</summary>
    public DateTime? ParseLocal(string text)
    {
        string[] formats = [DateFormat + " " + TimeFormat, DateFormat + " HH:mm:ss", DateFormat + " HH:mm", DateFormat];
        return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone)
            : null;
    }

    private DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);
}
