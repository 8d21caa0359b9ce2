using System.Globalization;
using Harrier.Server.Authentication;

namespace Harrier.Server.Scheduling;

/// <summary>
/// Reads schedule times the way the contract sends them (§1.4.6, §3.6): in the caller's date and time format and time zone
/// (<c>21/07/2014 03:30 PM</c>), or ISO 8601 — with an offset it is an instant, without one a wall-clock time in the caller's zone.
/// </summary>
internal static class ScheduleDates
{
    private static readonly string[] s_isoLocal =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    private static readonly string[] s_isoOffset =
        ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
         "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <summary>A wall-clock time in the caller's zone (kind Unspecified), or null when <paramref name="text"/> is no date and time.</summary>
    public static DateTime? ParseLocal(string? text, Caller caller)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        string[] account =
        [
            caller.DateFormat + " " + caller.TimeFormat, caller.DateFormat + " HH:mm", caller.DateFormat + " HH:mm:ss",
            caller.DateFormat + " h:mm tt", caller.DateFormat + " hh:mm tt",
        ];
        if (DateTime.TryParseExact(text, account, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || DateTime.TryParseExact(text, s_isoLocal, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            return DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        }

        if (DateTimeOffset.TryParseExact(text, s_isoOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, caller.TimeZone).DateTime, DateTimeKind.Unspecified);
        }

        return null;
    }

    /// <summary>A local date (<c>EndOn</c>) in the caller's date format or ISO <c>yyyy-MM-dd</c>; a time part, if any, is dropped.</summary>
    public static DateOnly? ParseDate(string? text, Caller caller)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] formats = [caller.DateFormat, "yyyy-MM-dd"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : ParseLocal(text, caller) is { } local ? DateOnly.FromDateTime(local)
            : null;
    }

    /// <summary>An end date in the caller's date format.</summary>
    public static string FormatDate(DateOnly date, Caller caller) => date.ToString(caller.DateFormat, CultureInfo.InvariantCulture);
}
