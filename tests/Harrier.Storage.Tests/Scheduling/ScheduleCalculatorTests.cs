using Harrier.Core.Scans;
using Harrier.Core.Scheduling;

namespace Harrier.Storage.Tests.Scheduling;

/// <summary>The recurrence calculator: every run type, custom recurrences, and the calendar edges (DST, month ends, leap days).</summary>
public sealed class ScheduleCalculatorTests
{
    private static DateTime Local(int y, int mo, int d, int h = 9, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Unspecified);

    private static DateTime Utc(int y, int mo, int d, int h = 9, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    private static ScheduleRule Rule(ScheduleRunType type, DateTime start, string zone = "UTC", ScheduleRecurrence? recurrence = null) =>
        new() { RunType = type, Start = start, TimeZoneId = zone, Recurrence = recurrence };

    /// <summary>The first <paramref name="count"/> runs, each computed as "next after the previous one".</summary>
    private static List<DateTime> Runs(ScheduleRule rule, int count)
    {
        var runs = new List<DateTime>();
        var next = ScheduleCalculator.First(rule);
        while (next is { } run && runs.Count < count)
        {
            runs.Add(run);
            next = ScheduleCalculator.NextAfter(rule, run, runs.Count);
        }

        return runs;
    }

    public static TheoryData<ScheduleRunType, DateTime[]> BuiltInRunTypes => new()
    {
        { ScheduleRunType.Daily, [Utc(2026, 1, 30), Utc(2026, 1, 31), Utc(2026, 2, 1)] },
        { ScheduleRunType.Weekly, [Utc(2026, 1, 30), Utc(2026, 2, 6), Utc(2026, 2, 13)] },
        { ScheduleRunType.Monthly, [Utc(2026, 1, 30), Utc(2026, 2, 28), Utc(2026, 3, 30)] },
        { ScheduleRunType.Quarterly, [Utc(2026, 1, 30), Utc(2026, 4, 30), Utc(2026, 7, 30)] },
        { ScheduleRunType.Biannually, [Utc(2026, 1, 30), Utc(2026, 7, 30), Utc(2027, 1, 30)] },
        { ScheduleRunType.Yearly, [Utc(2026, 1, 30), Utc(2027, 1, 30), Utc(2028, 1, 30)] },
    };

    [Theory]
    [MemberData(nameof(BuiltInRunTypes))]
    public void BuiltInRunTypes_RepeatFromTheStart(ScheduleRunType type, DateTime[] expected) =>
        Assert.Equal(expected, Runs(Rule(type, Local(2026, 1, 30)), 3));

    [Fact]
    public void Once_RunsOnce_ThenEnds()
    {
        var rule = Rule(ScheduleRunType.Once, Local(2026, 5, 1, 14, 30));

        Assert.Equal(Utc(2026, 5, 1, 14, 30), ScheduleCalculator.First(rule));
        Assert.Null(ScheduleCalculator.NextAfter(rule, Utc(2026, 5, 1, 14, 30), launches: 1));
        Assert.Null(ScheduleCalculator.NextAfter(rule, Utc(2026, 6, 1), launches: 0));
    }

    [Fact]
    public void Monthly_On31st_TakesTheLastDayOfShorterMonths_AndComesBackTo31()
    {
        var runs = Runs(Rule(ScheduleRunType.Monthly, Local(2026, 1, 31)), 5);

        Assert.Equal([Utc(2026, 1, 31), Utc(2026, 2, 28), Utc(2026, 3, 31), Utc(2026, 4, 30), Utc(2026, 5, 31)], runs);
    }

    [Fact]
    public void Yearly_OnLeapDay_RunsFeb28InOtherYears_AndFeb29InLeapYears()
    {
        var runs = Runs(Rule(ScheduleRunType.Yearly, Local(2028, 2, 29)), 5);

        Assert.Equal([Utc(2028, 2, 29), Utc(2029, 2, 28), Utc(2030, 2, 28), Utc(2031, 2, 28), Utc(2032, 2, 29)], runs);
    }

    [Fact]
    public void Daily_InBerlin_KeepsTheWallClockAcrossSpringForwardAndFallBack()
    {
        var spring = Runs(Rule(ScheduleRunType.Daily, Local(2026, 3, 28, 9), "Europe/Berlin"), 2);
        var autumn = Runs(Rule(ScheduleRunType.Daily, Local(2026, 10, 24, 9), "Europe/Berlin"), 2);

        // 09:00 CET is 08:00Z; 09:00 CEST is 07:00Z.
        Assert.Equal([Utc(2026, 3, 28, 8), Utc(2026, 3, 29, 7)], spring);
        Assert.Equal([Utc(2026, 10, 24, 7), Utc(2026, 10, 25, 8)], autumn);
    }

    [Fact]
    public void SkippedLocalTime_MovesForward_ByTheGap()
    {
        // New York springs forward on 2026-03-08 at 02:00 → 03:00: 02:30 does not exist that day.
        var runs = Runs(Rule(ScheduleRunType.Daily, Local(2026, 3, 7, 2, 30), "America/New_York"), 3);

        Assert.Equal([Utc(2026, 3, 7, 7, 30), Utc(2026, 3, 8, 7, 30), Utc(2026, 3, 9, 6, 30)], runs);
        Assert.Equal(3, TimeZoneInfo.ConvertTimeFromUtc(runs[1], TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).Hour);
    }

    [Fact]
    public void RepeatedLocalTime_TakesTheFirst()
    {
        // New York falls back on 2026-11-01 at 02:00 → 01:00: 01:30 happens twice (EDT 05:30Z, then EST 06:30Z).
        var runs = Runs(Rule(ScheduleRunType.Daily, Local(2026, 10, 31, 1, 30), "America/New_York"), 3);

        Assert.Equal([Utc(2026, 10, 31, 5, 30), Utc(2026, 11, 1, 5, 30), Utc(2026, 11, 2, 6, 30)], runs);
    }

    [Fact]
    public void StartInAnotherZone_IsThatZonesWallClock()
    {
        Assert.Equal(Utc(2026, 7, 1, 0, 30), ScheduleCalculator.First(Rule(ScheduleRunType.Once, Local(2026, 7, 1, 10, 30), "Australia/Sydney")));
        Assert.Equal(Utc(2026, 7, 1, 14, 30), ScheduleCalculator.First(Rule(ScheduleRunType.Once, Local(2026, 7, 1, 10, 30), "America/New_York")));
    }

    [Fact]
    public void CustomEveryThreeDays()
    {
        var rule = Rule(ScheduleRunType.Custom, Local(2026, 2, 27), recurrence: new() { RepeatType = RepeatType.Days, Interval = 3 });

        Assert.Equal([Utc(2026, 2, 27), Utc(2026, 3, 2), Utc(2026, 3, 5)], Runs(rule, 3));
    }

    [Fact]
    public void CustomEveryTwoWeeks_OnMondayAndThursday_StartsAtTheFirstMatchingDay()
    {
        // 2026-03-03 is a Tuesday: the first run is that week's Thursday, then Monday and Thursday every other week.
        var rule = Rule(ScheduleRunType.Custom, Local(2026, 3, 3), recurrence: new()
        {
            RepeatType = RepeatType.Weeks, Interval = 2, DaysOfWeek = [DayOfWeek.Thursday, DayOfWeek.Monday],
        });

        Assert.Equal([Utc(2026, 3, 5), Utc(2026, 3, 16), Utc(2026, 3, 19), Utc(2026, 3, 30)], Runs(rule, 4));
    }

    [Fact]
    public void CustomMonthly_SecondTuesday()
    {
        var rule = Rule(ScheduleRunType.Custom, Local(2026, 1, 1), recurrence: new()
        {
            RepeatType = RepeatType.Months, Ordinal = Ordinal.Second, DayOfWeek = DayOfWeek.Tuesday,
        });

        Assert.Equal([Utc(2026, 1, 13), Utc(2026, 2, 10), Utc(2026, 3, 10)], Runs(rule, 3));
    }

    [Fact]
    public void CustomEveryTwoMonths_LastFriday()
    {
        var rule = Rule(ScheduleRunType.Custom, Local(2026, 1, 1), recurrence: new()
        {
            RepeatType = RepeatType.Months, Interval = 2, Ordinal = Ordinal.Last, DayOfWeek = DayOfWeek.Friday,
        });

        Assert.Equal([Utc(2026, 1, 30), Utc(2026, 3, 27), Utc(2026, 5, 29)], Runs(rule, 3));
    }

    [Fact]
    public void CustomMonthly_OnDay31_ClampsToMonthEnd()
    {
        var rule = Rule(ScheduleRunType.Custom, Local(2026, 4, 1), recurrence: new() { RepeatType = RepeatType.Months, DayOfMonth = 31 });

        Assert.Equal([Utc(2026, 4, 30), Utc(2026, 5, 31), Utc(2026, 6, 30)], Runs(rule, 3));
    }

    [Fact]
    public void CustomYearly_InSpecificMonths_OnTheFirstMonday()
    {
        var rule = Rule(ScheduleRunType.Custom, Local(2026, 5, 1), recurrence: new()
        {
            RepeatType = RepeatType.Years, MonthsOfYear = [MonthOfYear.March, MonthOfYear.September],
            Ordinal = Ordinal.First, DayOfWeek = DayOfWeek.Monday,
        });

        Assert.Equal([Utc(2026, 9, 7), Utc(2027, 3, 1), Utc(2027, 9, 6)], Runs(rule, 3));
    }

    [Fact]
    public void CustomEndingOnDate_RunsUpToAndIncludingThatDay()
    {
        var rule = Rule(ScheduleRunType.Custom, Local(2026, 3, 1), recurrence: new()
        {
            RepeatType = RepeatType.Days, EndingType = EndingType.Date, EndOn = new DateOnly(2026, 3, 3),
        });

        Assert.Equal([Utc(2026, 3, 1), Utc(2026, 3, 2), Utc(2026, 3, 3)], Runs(rule, 10));
    }

    [Fact]
    public void CustomEndingAfterOccurrences_StopsAtTheLimit()
    {
        var rule = Rule(ScheduleRunType.Custom, Local(2026, 3, 1), recurrence: new()
        {
            RepeatType = RepeatType.Weeks, EndingType = EndingType.Occurences, EndOnOccurrences = 2,
        });

        Assert.Equal([Utc(2026, 3, 1), Utc(2026, 3, 8)], Runs(rule, 10));
    }

    [Fact]
    public void EndDateBeforeTheFirstRun_NeverFires()
    {
        var rule = Rule(ScheduleRunType.Custom, Local(2026, 3, 10), recurrence: new()
        {
            RepeatType = RepeatType.Months, DayOfMonth = 1, EndingType = EndingType.Date, EndOn = new DateOnly(2026, 3, 31),
        });

        Assert.Null(ScheduleCalculator.First(rule));
    }

    [Fact]
    public void NextAfter_ALongDowntime_SkipsToTheNextFutureRun()
    {
        var rule = Rule(ScheduleRunType.Daily, Local(2020, 1, 1, 6));

        Assert.Equal(Utc(2026, 6, 16, 6), ScheduleCalculator.NextAfter(rule, Utc(2026, 6, 15, 12), launches: 1));
    }

    public static TheoryData<string> SkipAheadRules => new() { "weeks", "months", "years", "berlin" };

    /// <summary>
    /// NextAfter jumps straight to the period of "after"; from any instant it must give the same run as stepping through
    /// the runs one by one from the start.
    /// </summary>
    [Theory]
    [MemberData(nameof(SkipAheadRules))]
    public void NextAfter_FromAnyInstant_MatchesSteppingThroughEveryRun(string name)
    {
        var rule = name switch
        {
            "weeks" => Rule(ScheduleRunType.Custom, Local(2026, 1, 7, 23, 45), recurrence: new()
            {
                RepeatType = RepeatType.Weeks, Interval = 3, DaysOfWeek = [DayOfWeek.Monday, DayOfWeek.Friday, DayOfWeek.Sunday],
            }),
            "months" => Rule(ScheduleRunType.Custom, Local(2026, 1, 31, 0, 15), recurrence: new()
            {
                RepeatType = RepeatType.Months, Interval = 5, Ordinal = Ordinal.Last, DayOfWeek = DayOfWeek.Sunday,
            }),
            "years" => Rule(ScheduleRunType.Custom, Local(2028, 2, 29, 12, 0), recurrence: new()
            {
                RepeatType = RepeatType.Years, Interval = 2, MonthsOfYear = [MonthOfYear.February, MonthOfYear.August], DayOfMonth = 31,
            }),
            _ => Rule(ScheduleRunType.Daily, Local(2026, 1, 1, 2, 30), "Europe/Berlin"),
        };
        var runs = Runs(rule, 400);
        var last = runs[^1];

        for (var at = runs[0].AddHours(-50); at < last; at = at.AddHours(37).AddMinutes(11))
        {
            var expected = runs.First(r => r > at);
            Assert.Equal(expected, ScheduleCalculator.NextAfter(rule, at, launches: 1));
        }
    }
}
