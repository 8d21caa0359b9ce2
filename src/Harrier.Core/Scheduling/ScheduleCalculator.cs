using Harrier.Core.Scans;

namespace Harrier.Core.Scheduling;

/// <summary>
/// The occurrences of a <see cref="ScheduleRule"/>, pure: wall-clock times in the rule's time zone turned into UTC instants.
/// A local time that daylight saving skips moves forward by the gap (02:30 → 03:30); one that happens twice takes the first.
/// A day of month past a month's end is that month's last day (31st → 30th/28th; Feb 29 → Feb 28 in other years).
/// </summary>
public static class ScheduleCalculator
{
    // Periods to look through before deciding a rule never fires again (≈ 27 years of daily runs).
    private const int MaxPeriods = 10_000;

    /// <summary>The first run: the earliest occurrence at or after the rule's start, or null when the rule never fires.</summary>
    public static DateTime? First(ScheduleRule rule) => Next(rule, afterUtc: null, launches: 0);

    /// <summary>
    /// The first occurrence strictly after <paramref name="afterUtc"/>, or null when the schedule has ended: a one-off
    /// already past, the end date passed, or <paramref name="launches"/> reached the occurrence limit.
    /// </summary>
    public static DateTime? NextAfter(ScheduleRule rule, DateTime afterUtc, int launches) => Next(rule, afterUtc, launches);

    /// <summary>The UTC instant of a wall-clock time in <paramref name="zone"/> (skipped times move forward, repeated ones take the first).</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // Inside the spring-forward gap: keep the offset from before it, which lands after the gap by as much.
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>The zone of <paramref name="id"/>, or UTC when this machine does not know it.</summary>
    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static DateTime? Next(ScheduleRule rule, DateTime? afterUtc, int launches)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var zone = Zone(rule.TimeZoneId);
        var start = DateTime.SpecifyKind(rule.Start, DateTimeKind.Unspecified);
        var recurrence = Normalize(rule, start);
        if (recurrence is null)
        {
            var once = ToUtc(start, zone);
            return launches == 0 && (afterUtc is null || once > afterUtc) ? once : null;
        }

        if (recurrence.EndingType == EndingType.Occurences && launches >= recurrence.EndOnOccurrences)
        {
            return null;
        }

        var afterLocal = afterUtc is { } after
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(after, DateTimeKind.Utc), zone)
            : start;
        var firstPeriod = Math.Max(0, (UnitsBetween(recurrence.RepeatType, start, afterLocal) / recurrence.Interval) - 1);
        for (var period = firstPeriod; period < firstPeriod + MaxPeriods; period++)
        {
            foreach (var date in DatesOf(recurrence, start, period))
            {
                if (recurrence.EndingType == EndingType.Date && date > recurrence.EndOn)
                {
                    return null;
                }

                var local = date.ToDateTime(TimeOnly.FromTimeSpan(start.TimeOfDay));
                if (local < start)
                {
                    continue;
                }

                var utc = ToUtc(local, zone);
                if (afterUtc is null || utc > afterUtc)
                {
                    return utc;
                }
            }
        }

        return null;
    }

    /// <summary>The built-in run types as recurrences (null for a one-off); a custom one with the start's defaults filled in.</summary>
    private static ScheduleRecurrence? Normalize(ScheduleRule rule, DateTime start) => rule.RunType switch
    {
        ScheduleRunType.Once => null,
        ScheduleRunType.Daily => new ScheduleRecurrence { RepeatType = RepeatType.Days },
        ScheduleRunType.Weekly => new ScheduleRecurrence { RepeatType = RepeatType.Weeks, DaysOfWeek = [start.DayOfWeek] },
        ScheduleRunType.Monthly => Months(1),
        ScheduleRunType.Quarterly => Months(3),
        ScheduleRunType.Biannually => Months(6),
        ScheduleRunType.Yearly => Months(12),
        ScheduleRunType.Custom => Defaults(rule.Recurrence ?? new ScheduleRecurrence(), start),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.RunType, "Unknown run type."),
    };

    private static ScheduleRecurrence Months(int interval) => new() { RepeatType = RepeatType.Months, Interval = interval };

    private static ScheduleRecurrence Defaults(ScheduleRecurrence recurrence, DateTime start) => recurrence with
    {
        Interval = Math.Max(1, recurrence.Interval),
        DaysOfWeek = recurrence.DaysOfWeek.Count > 0 ? recurrence.DaysOfWeek : [start.DayOfWeek],
        MonthsOfYear = recurrence.MonthsOfYear.Count > 0 ? recurrence.MonthsOfYear : [(MonthOfYear)(start.Month - 1)],
    };

    /// <summary>Whole units (days, weeks, months, years) from the start's period to <paramref name="local"/>'s.</summary>
    private static int UnitsBetween(RepeatType unit, DateTime start, DateTime local)
    {
        if (local <= start)
        {
            return 0;
        }

        return unit switch
        {
            RepeatType.Days => (int)(local.Date - start.Date).TotalDays,
            RepeatType.Weeks => (int)(WeekStart(local) - WeekStart(start)).TotalDays / 7,
            RepeatType.Months => ((local.Year - start.Year) * 12) + local.Month - start.Month,
            _ => local.Year - start.Year,
        };
    }

    /// <summary>The candidate dates of one period (the start's period plus <paramref name="period"/> × interval units), in order.</summary>
    private static IEnumerable<DateOnly> DatesOf(ScheduleRecurrence r, DateTime start, int period)
    {
        var units = (long)period * r.Interval;
        var startDate = DateOnly.FromDateTime(start);
        switch (r.RepeatType)
        {
            case RepeatType.Days:
                return units > 3_000_000 ? [] : [startDate.AddDays((int)units)];
            case RepeatType.Weeks:
                if (units > 400_000)
                {
                    return [];
                }

                var weekStart = DateOnly.FromDateTime(WeekStart(start)).AddDays((int)units * 7);
                return r.DaysOfWeek.Distinct().Order().Select(d => weekStart.AddDays((int)d));
            case RepeatType.Months:
                var monthIndex = (start.Year * 12L) + start.Month - 1 + units;
                return monthIndex / 12 > 9998 ? [] : [DayIn(r, (int)(monthIndex / 12), (int)(monthIndex % 12) + 1, start)];
            default:
                var year = start.Year + units;
                return year > 9998 ? [] : r.MonthsOfYear.Distinct().Order().Select(m => DayIn(r, (int)year, (int)m + 1, start));
        }
    }

    /// <summary>The run date in one month: the ordinal weekday, or the day of month (clamped to the month's end).</summary>
    private static DateOnly DayIn(ScheduleRecurrence r, int year, int month, DateTime start)
    {
        var days = DateTime.DaysInMonth(year, month);
        if (r.Ordinal is { } ordinal)
        {
            var weekday = r.DayOfWeek ?? start.DayOfWeek;
            if (ordinal == Ordinal.Last)
            {
                var last = new DateOnly(year, month, days);
                return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
            }

            var first = new DateOnly(year, month, 1);
            return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (int)ordinal));
        }

        return new DateOnly(year, month, Math.Min(r.DayOfMonth ?? start.Day, days));
    }

    /// <summary>The Sunday that starts <paramref name="local"/>'s week (weeks of a weekly recurrence run Sunday to Saturday).</summary>
    private static DateTime WeekStart(DateTime local) => local.Date.AddDays(-(int)local.DayOfWeek);
}
