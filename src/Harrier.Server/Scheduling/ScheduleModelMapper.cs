using Harrier.Contracts.Models;
using Harrier.Core.Scans;
using Harrier.Core.Scheduling;
using Harrier.Server.Authentication;
using Harrier.Storage.Entities;

namespace Harrier.Server.Scheduling;

/// <summary>
/// Stored schedules as the contract's views (§3.6): <c>UpdateScheduledScanModel</c> (answer of the schedule endpoints) and
/// <c>ScheduledScanApiModel</c> (items of <c>list-scheduled</c>). Times are in the caller's format and zone; members the
/// vendor carries for its own UI (tags catalogue, PCI, OAuth2, …) stay null.
/// </summary>
internal static class ScheduleModelMapper
{
    public static UpdateScheduledScanModel ToModel(ScheduledScanEntity s, Caller caller)
    {
        var c = s.Configuration;
        return new UpdateScheduledScanModel
        {
            Id = s.Id,
            OccurencesCount = s.LaunchCount,
            Disabled = s.Disabled,
            EnableScheduling = !s.Disabled && s.NextExecutionTime is not null,
            Name = s.Name,
            NextExecutionTime = NextExecutionTime(s, caller),
            ScanType = s.ScanType,
            ScheduleRunType = s.Rule.RunType,
            CustomRecurrence = Recurrence(s.Rule, caller),
            EntityCurrentTags = c.Tags,
            Cookies = c.Cookies,
            Comments = c.Comments,
            CrawlAndAttack = c.CrawlAndAttack,
            CreateType = CreateType.Website,
            AuthenticationProfileOption = c.AuthenticationProfileOption.ToString(),
            FindAndFollowNewLinks = c.FindAndFollowNewLinks,
            IsMaxScanDurationEnabled = c.IsMaxScanDurationEnabled,
            MaxScanDuration = c.MaxScanDuration,
            PolicyId = c.PolicyId,
            ProfileId = s.ScanProfileId,
            ReportPolicyId = c.ReportPolicyId,
            TargetUrl = s.TargetUrl,
            UserId = s.UserId,
            EnablePciScanTask = c.EnablePciScanTask,
            CanEdit = true,
        };
    }

    public static ScheduledScanApiModel ToListItem(ScheduledScanEntity s, Caller caller)
    {
        var m = ToModel(s, caller);
        return new ScheduledScanApiModel
        {
            LastExecutedScanTaskId = s.LastScanId,
            LastExecutionError = 0,
            LastExecutionStatus = s.LastScanId is null ? null : ScanLaunchStatus.Ok,
            Id = m.Id,
            OccurencesCount = m.OccurencesCount,
            Disabled = m.Disabled,
            EnableScheduling = m.EnableScheduling,
            Name = m.Name,
            NextExecutionTime = m.NextExecutionTime,
            ScanType = m.ScanType,
            ScheduleRunType = m.ScheduleRunType,
            CustomRecurrence = m.CustomRecurrence,
            EntityCurrentTags = m.EntityCurrentTags,
            Cookies = m.Cookies,
            Comments = m.Comments,
            CrawlAndAttack = m.CrawlAndAttack,
            CreateType = m.CreateType,
            AuthenticationProfileOption = m.AuthenticationProfileOption,
            FindAndFollowNewLinks = m.FindAndFollowNewLinks,
            IsMaxScanDurationEnabled = m.IsMaxScanDurationEnabled,
            MaxScanDuration = m.MaxScanDuration,
            PolicyId = m.PolicyId,
            ProfileId = m.ProfileId,
            ReportPolicyId = m.ReportPolicyId,
            TargetUrl = m.TargetUrl,
            UserId = m.UserId,
            EnablePciScanTask = m.EnablePciScanTask,
            CanEdit = m.CanEdit,
        };
    }

    /// <summary>The next run in the caller's format and zone; null once the schedule has ended.</summary>
    public static string? NextExecutionTime(ScheduledScanEntity s, Caller caller) =>
        s.NextExecutionTime is { } next ? caller.FormatDateTime(next) : null;

    private static ScheduledScanRecurrenceViewModel? Recurrence(ScheduleRule rule, Caller caller)
    {
        if (rule.RunType != ScheduleRunType.Custom || rule.Recurrence is not { } r)
        {
            return null;
        }

        var zone = ScheduleCalculator.Zone(rule.TimeZoneId);
        return new ScheduledScanRecurrenceViewModel
        {
            RepeatType = r.RepeatType,
            Interval = r.Interval,
            StartDate = new DateTimeOffset(ScheduleCalculator.ToUtc(rule.Start, zone)),
            EndingType = r.EndingType,
            DaysOfWeek = r.DaysOfWeek,
            MonthsOfYear = r.MonthsOfYear,
            Ordinal = r.Ordinal,
            EndOn = r.EndOn is { } end ? ScheduleDates.FormatDate(end, caller) : null,
            EndOnOccurences = r.EndOnOccurrences,
            DayOfMonth = r.DayOfMonth,
            EndOnDate = r.EndOn is { } last
                ? new DateTimeOffset(ScheduleCalculator.ToUtc(last.ToDateTime(TimeOnly.MaxValue), zone))
                : null,
            DayOfWeek = r.DayOfWeek,
        };
    }
}
