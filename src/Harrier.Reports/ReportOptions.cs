using System.Globalization;
using Harrier.Core.Scans;

namespace Harrier.Reports;

/// <summary>The query options of <c>GET /api/1.0/scans/report/</c> (contract §2.21) plus Harrier's own.</summary>
public sealed record ReportOptions
{
    public static ReportOptions Default { get; } = new();

    /// <summary>Leave raw HTTP responses out. Default <c>false</c>.</summary>
    public bool ExcludeResponseData { get; init; }

    /// <summary>Only confirmed issues. Default <c>false</c>. With <see cref="OnlyUnconfirmedIssues"/> too, no issue is left.</summary>
    public bool OnlyConfirmedIssues { get; init; }

    /// <summary>Only unconfirmed issues. Default <c>false</c>.</summary>
    public bool OnlyUnconfirmedIssues { get; init; }

    /// <summary>Leave out fixed, ignored, accepted-risk and false-positive issues. Default <c>false</c>; <c>ScanDetail</c> always does, <c>FullScanDetail</c> never.</summary>
    public bool ExcludeAddressedIssues { get; init; }

    /// <summary>How rich text (description, impact, remediation, references) is written inside the Vulnerabilities JSON and XML. Default <see cref="ContentFormat.Html"/>.</summary>
    public ContentFormat ContentFormat { get; init; } = ContentFormat.Html;

    /// <summary>JUnit: a finding at or above this severity is a failed test case. Default <see cref="Severity.High"/>.</summary>
    public Severity FailureThreshold { get; init; } = Severity.High;

    /// <summary>Format of the user-formatted date strings (Invicti's account setting). Default <c>dd/MM/yyyy hh:mm tt</c>.</summary>
    public string DateTimeFormat { get; init; } = "dd/MM/yyyy hh:mm tt";

    /// <summary>Time zone of the user-formatted date strings. Default UTC.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Formats <paramref name="instant"/> the way the account setting says.</summary>
    public string FormatDate(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZone).ToString(DateTimeFormat, CultureInfo.InvariantCulture);
}
