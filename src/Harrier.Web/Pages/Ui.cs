using System.Globalization;
using System.Security.Claims;
using Harrier.Core.Issues;
using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Harrier.Web.Authentication;
using Harrier.Web.Html;

namespace Harrier.Web.Pages;

/// <summary>Small rendering helpers shared by the pages: badges, progress, counts, dates and durations.</summary>
internal static class Ui
{
    public static readonly Severity[] SeveritiesHighFirst =
        [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Information, Severity.BestPractice];

    public static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Information => "Info",
        Severity.BestPractice => "Best practice",
        _ => severity.ToString(),
    };

    public static string SeverityClass(Severity severity) => "sev-" + severity.ToString().ToLowerInvariant();

    public static Markup SeverityBadge(Severity severity) =>
        Markup.Of($"<span class=\"badge {SeverityClass(severity)}\">{SeverityLabel(severity)}</span>");

    public static Markup StateBadge(ScanTaskState state) =>
        Markup.Of($"<span class=\"state state-{state.ToString().ToLowerInvariant()}\" data-state=\"{state}\">{state}</span>");

    /// <summary>An issue's state across scans, e.g. "Fixed (unconfirmed)".</summary>
    public static Markup IssueStateBadge(IssueState state) =>
        Markup.Of($"<span class=\"issue-state issue-{state.ToString().ToLowerInvariant()}\" data-issue-state=\"{state}\">{IssueStateLabel(state)}</span>");

    public static string IssueStateLabel(IssueState state) => state switch
    {
        IssueState.FixedUnconfirmed => "Fixed (unconfirmed)",
        IssueState.FixedCantRetest => "Fixed (can't retest)",
        IssueState.FixedConfirmed => "Fixed (confirmed)",
        IssueState.AcceptedRisk => "Accepted risk",
        IssueState.FalsePositive => "False positive",
        _ => state.ToString(),
    };

    public static string PhaseLabel(ScanTaskPhase phase) => phase switch
    {
        ScanTaskPhase.CrawlingAndAttacking => "Crawling and attacking",
        ScanTaskPhase.ReCrawling => "Re-crawling",
        _ => phase.ToString(),
    };

    public static int Percent(ScanEntity scan) => scan.State == ScanTaskState.Complete ? 100
        : scan.EstimatedSteps <= 0 ? 0
        : Math.Clamp((int)(100L * scan.CompletedSteps / scan.EstimatedSteps), 0, 99);

    public static Markup Progress(ScanEntity scan, string label)
    {
        var percent = Percent(scan);
        return Markup.Of($"""<span class="progress"><progress max="100" value="{percent}" aria-label="{label}">{percent}%</progress> <span class="pct">{percent}%</span></span>""");
    }

    public static int Count(ScanEntity scan, Severity severity) => severity switch
    {
        Severity.Critical => scan.CriticalCount,
        Severity.High => scan.HighCount,
        Severity.Medium => scan.MediumCount,
        Severity.Low => scan.LowCount,
        Severity.Information => scan.InfoCount,
        _ => scan.BestPracticeCount,
    };

    public static SeverityCounts Counts(ScanEntity scan) =>
        new(scan.CriticalCount, scan.HighCount, scan.MediumCount, scan.LowCount, scan.InfoCount, scan.BestPracticeCount);

    /// <summary>Compact chips, one per severity; zero counts are dimmed. Each chip names its severity for screen readers.</summary>
    public static Markup SeverityCounts(ScanEntity scan) => Markup.Of($"""
        <span class="counts">{SeveritiesHighFirst.Where(s => s != Severity.BestPractice).Select(s =>
            Markup.Of($"<span class=\"chip {SeverityClass(s)}{(Count(scan, s) == 0 ? " zero" : "")}\" title=\"{SeverityLabel(s)}\"><span class=\"sr\">{SeverityLabel(s)}: </span>{Count(scan, s)}</span>"))}</span>
        """);

    public static Markup ThreatBadge(ThreatLevel level) => Markup.Of($"<span class=\"threat threat-{level.ToString().ToLowerInvariant()}\">{ThreatLabel(level)}</span>");

    public static string ThreatLabel(ThreatLevel level) => level switch
    {
        ThreatLevel.NeedsAttention => "Needs attention",
        ThreatLevel.Unknown => "Not scanned",
        _ => level.ToString(),
    };

    public static TimeSpan Elapsed(ScanEntity scan, DateTime nowUtc)
    {
        var ticks = scan.ElapsedTicksBeforeRun;
        if (scan.StartedAt is { } started && !ScanStateRules.IsTerminal(scan.State) && scan.State != ScanTaskState.Paused && scan.State != ScanTaskState.Queued)
        {
            ticks += Math.Max(0, (nowUtc - started).Ticks);
        }
        else if (scan.StartedAt is { } s && scan.FinishedAt is { } f && scan.ElapsedTicksBeforeRun == 0)
        {
            ticks = Math.Max(0, (f - s).Ticks);
        }

        return TimeSpan.FromTicks(ticks);
    }

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m {span.Seconds:00}s")
        : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m {span.Seconds:00}s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.Seconds}s");

    /// <summary>A UTC time in the user's time zone, as a <c>time</c> element with the exact instant.</summary>
    public static Markup Time(ClaimsPrincipal user, DateTime? utc)
    {
        if (utc is not { } value)
        {
            return Markup.Trusted("—");
        }

        var zoneId = user.FindFirstValue(WebSession.TimeZoneClaim) ?? "UTC";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var instant = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, zone);
        return Markup.Of($"<time datetime=\"{instant.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\">{local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</time>");
    }

    public static string Query(params (string Name, string? Value)[] parts)
    {
        var kept = parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return kept.Count == 0 ? "" : "?" + string.Join('&', kept);
    }

    public static Markup Notice(string? code) => code switch
    {
        null or "" => Markup.Empty,
        _ when s_notices.TryGetValue(code, out var text) => Markup.Of($"<p class=\"notice ok\" role=\"status\">{text}</p>"),
        _ => Markup.Empty,
    };

    private static readonly Dictionary<string, string> s_notices = new(StringComparer.Ordinal)
    {
        ["launched"] = "Scan queued. It starts as soon as an agent is free.",
        ["relaunched"] = "A new scan with the same configuration was queued.",
        ["issue-updated"] = "The issue was updated.",
        ["paused"] = "Pausing the scan…",
        ["resumed"] = "Resuming the scan…",
        ["cancelled"] = "Cancelling the scan…",
        ["deleted"] = "The scan was deleted.",
        ["saved"] = "Saved.",
        ["profile"] = "Scan queued and its settings saved as a scan profile.",
        ["signedout"] = "You have signed out.",
    };
}
