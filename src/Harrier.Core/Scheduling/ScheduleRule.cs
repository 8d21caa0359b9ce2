using Harrier.Core.Scans;

namespace Harrier.Core.Scheduling;

/// <summary>
/// When a schedule runs: its run type, the first run as a wall-clock time in <see cref="TimeZoneId"/>, and for
/// <see cref="ScheduleRunType.Custom"/> the recurrence. Stored whole on the schedule; <see cref="ScheduleCalculator"/> reads it.
/// </summary>
public sealed record ScheduleRule
{
    public required ScheduleRunType RunType { get; init; }

    /// <summary>The first run as local wall-clock time (kind ignored); every later run keeps its time of day.</summary>
    public required DateTime Start { get; init; }

    /// <summary>The time zone (IANA or Windows id) the wall-clock times are in: the owner's zone when the schedule was saved.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>The custom recurrence; only read when <see cref="RunType"/> is <see cref="ScheduleRunType.Custom"/>.</summary>
    public ScheduleRecurrence? Recurrence { get; init; }
}

/// <summary>The custom recurrence model (contract §3.6 <c>ScheduledScanRecurrenceApiModel</c>), validated.</summary>
public sealed record ScheduleRecurrence
{
    public RepeatType RepeatType { get; init; } = RepeatType.Days;

    /// <summary>Every N units, 1–32767.</summary>
    public int Interval { get; init; } = 1;

    /// <summary>Weekdays of a weekly recurrence; empty means the start's weekday.</summary>
    public IReadOnlyList<DayOfWeek> DaysOfWeek { get; init; } = [];

    /// <summary>Months of a yearly recurrence; empty means the start's month.</summary>
    public IReadOnlyList<MonthOfYear> MonthsOfYear { get; init; } = [];

    /// <summary>Monthly/yearly: which <see cref="DayOfWeek"/> of the month ("second Tuesday", "last Friday").</summary>
    public Ordinal? Ordinal { get; init; }

    public DayOfWeek? DayOfWeek { get; init; }

    /// <summary>Monthly/yearly: the day of the month, 1–31 (past a shorter month's end: its last day). Neither this nor an ordinal: the start's day.</summary>
    public int? DayOfMonth { get; init; }

    public EndingType EndingType { get; init; } = EndingType.Never;

    /// <summary>The last local date a run may fall on, when <see cref="EndingType"/> is <see cref="EndingType.Date"/>.</summary>
    public DateOnly? EndOn { get; init; }

    /// <summary>How many launches in all, when <see cref="EndingType"/> is <see cref="EndingType.Occurences"/>.</summary>
    public int? EndOnOccurrences { get; init; }
}
