using Harrier.Contracts.Models;
using Harrier.Core.Scans;
using Harrier.Core.Scheduling;
using Harrier.Server.Authentication;
using Harrier.Server.Http;

namespace Harrier.Server.Scheduling;

/// <summary>The "when" of every schedule request, validated: name, first run, run type and custom recurrence.</summary>
internal static class ScheduleRequests
{
    /// <summary>
    /// The schedule's rule and its first run (UTC). Every problem goes to <paramref name="errors"/> (thrown by the caller with the
    /// rest); a rule that can never fire (an end date before the first run, say) is one of them.
    /// </summary>
    public static (ScheduleRule Rule, DateTime First)? Read(
        Caller caller, string? name, string? nextExecutionTime, ScheduleRunType? runType, ScheduledScanRecurrenceApiModel? custom, ModelState errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("Name", "Name is required.");
        }
        else if (name.Length > 255)
        {
            errors.Add("Name", "Name must be at most 255 characters.");
        }

        var start = ScheduleDates.ParseLocal(nextExecutionTime, caller);
        if (start is null)
        {
            errors.Add("NextExecutionTime", string.IsNullOrWhiteSpace(nextExecutionTime)
                ? "NextExecutionTime is required."
                : $"'{nextExecutionTime}' is not a date and time in the account format '{caller.DateFormat} {caller.TimeFormat}' (or ISO 8601).");
        }

        if (runType is null)
        {
            errors.Add("ScheduleRunType", "ScheduleRunType is required.");
        }

        var recurrence = runType == ScheduleRunType.Custom ? Recurrence(caller, custom, errors) : null;
        if (start is null || runType is null || !errors.IsValid)
        {
            return null;
        }

        var rule = new ScheduleRule { RunType = runType.Value, Start = start.Value, TimeZoneId = caller.TimeZone.Id, Recurrence = recurrence };
        if (ScheduleCalculator.First(rule) is not { } first)
        {
            errors.Add(runType == ScheduleRunType.Custom ? "CustomRecurrence" : "NextExecutionTime",
                "The schedule never fires: no run falls between NextExecutionTime and the end of the recurrence.");
            return null;
        }

        return (rule, first);
    }

    private static ScheduleRecurrence? Recurrence(Caller caller, ScheduledScanRecurrenceApiModel? model, ModelState errors)
    {
        if (model is null)
        {
            errors.Add("CustomRecurrence", "CustomRecurrence is required when ScheduleRunType is Custom.");
            return null;
        }

        if (model.RepeatType is null)
        {
            errors.Add("CustomRecurrence.RepeatType", "RepeatType is required (Days, Weeks, Months or Years).");
        }

        if (model.Interval is < 1 or > 32767)
        {
            errors.Add("CustomRecurrence.Interval", "Interval must be between 1 and 32767.");
        }

        if (model.DayOfMonth is < 1 or > 31)
        {
            errors.Add("CustomRecurrence.DayOfMonth", "DayOfMonth must be between 1 and 31.");
        }

        if (model.DayOfMonth is not null && model.Ordinal is not null)
        {
            errors.Add("CustomRecurrence.Ordinal", "Give either DayOfMonth or Ordinal with DayOfWeek, not both.");
        }

        var ending = model.EndingType ?? EndingType.Never;
        DateOnly? endOn = null;
        if (ending == EndingType.Date)
        {
            endOn = ScheduleDates.ParseDate(model.EndOn, caller);
            if (endOn is null)
            {
                errors.Add("CustomRecurrence.EndOn", $"EndOn must be a date in the account format '{caller.DateFormat}' when EndingType is Date.");
            }
        }

        if (ending == EndingType.Occurences && model.EndOnOccurences is not (>= 1 and <= 32767))
        {
            errors.Add("CustomRecurrence.EndOnOccurences", "EndOnOccurences must be between 1 and 32767 when EndingType is Occurences.");
        }

        return new ScheduleRecurrence
        {
            RepeatType = model.RepeatType ?? RepeatType.Days,
            Interval = model.Interval ?? 1,
            DaysOfWeek = model.DaysOfWeek ?? [],
            MonthsOfYear = model.MonthsOfYear ?? [],
            Ordinal = model.Ordinal,
            DayOfWeek = model.DayOfWeek,
            DayOfMonth = model.DayOfMonth,
            EndingType = ending,
            EndOn = endOn,
            EndOnOccurrences = ending == EndingType.Occurences ? model.EndOnOccurences : null,
        };
    }
}
