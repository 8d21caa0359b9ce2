using System.Globalization;

namespace Harrier.Reports.Formatting;

/// <summary>Duration text: the .NET TimeSpan form of the wire (<c>00:00:41.3968969</c>) and a readable one for people.</summary>
internal static class Durations
{
    public static string Wire(TimeSpan duration) => duration.ToString("c", CultureInfo.InvariantCulture);

    public static string Readable(TimeSpan duration)
    {
        if (duration < TimeSpan.FromMinutes(1))
        {
            return ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s";
        }

        var hours = (int)duration.TotalHours;
        return hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours} h {duration.Minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes} min {duration.Seconds} s");
    }
}
