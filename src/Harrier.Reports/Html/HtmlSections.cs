using Harrier.Core.Scans;
using Harrier.Reports.Formatting;

namespace Harrier.Reports.Html;

/// <summary>The parts every HTML report shares: title block, scan facts, severity summary, configuration, issue index.</summary>
internal static class HtmlSections
{
    public static void Header(HtmlWriter html, string title, ReportDocument document, ReportOptions options)
    {
        html.Element("h1", title);
        html.Start("p", "subtitle");
        html.Text(document.Scan.TargetUrl);
        html.Text(" · generated " + options.FormatDate(document.Generated));
        html.End("p");
    }

    public static void Summary(HtmlWriter html, ReportDocument document, IReadOnlyList<ReportVulnerability> vulnerabilities, ReportOptions options)
    {
        var scan = document.Scan;
        var counts = SeverityCounts.From(vulnerabilities.Select(v => v.Severity));
        html.Element("h2", "Summary");
        html.Start("div", "summary");
        html.Start("div");
        html.Markup("<table class=\"facts\"><tbody>");
        html.Fact("Website", scan.WebsiteName);
        html.Fact("Website URL", scan.WebsiteUrl);
        html.Fact("Target URL", scan.TargetUrl);
        html.Fact("Scan ID", scan.Id.ToString("D"));
        html.Fact("Scan type", scan.ScanType.ToString());
        html.Fact("State", scan.State.ToString());
        html.Fact("Scan policy", scan.PolicyName);
        html.Fact("Initiated", options.FormatDate(scan.Initiated));
        html.Fact("Finished", scan.Finished is { } finished ? options.FormatDate(finished) : null);
        html.Fact("Duration", Durations.Readable(scan.Duration));
        html.Fact("Issues", vulnerabilities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        html.Fact("Confirmed issues", vulnerabilities.Count(v => v.IsConfirmed).ToString(System.Globalization.CultureInfo.InvariantCulture));
        html.Markup("</tbody></table>");
        html.End("div");
        html.Start("div");
        SeverityChart.Write(html, counts);
        html.Markup("<table><thead><tr><th>Severity</th><th class=\"num\">Issues</th></tr></thead><tbody>");
        foreach (var severity in SeverityStyle.Descending)
        {
            html.Markup("<tr><td>");
            Badge(html, severity);
            html.Markup("</td><td class=\"num\">");
            html.Text(SeverityStyle.Count(counts, severity));
            html.Markup("</td></tr>");
        }

        html.Markup("</tbody></table>");
        html.End("div");
        html.End("div");
        if (options.OnlyConfirmedIssues || options.OnlyUnconfirmedIssues)
        {
            html.Element("p", options.OnlyConfirmedIssues ? "Only confirmed issues are listed." : "Only unconfirmed issues are listed.", "muted");
        }
    }

    public static void Configuration(HtmlWriter html, ReportScan scan)
    {
        var configuration = scan.Configuration;
        html.Element("h2", "Scan configuration");
        html.Markup("<table class=\"facts\"><tbody>");
        html.Fact("Scope", configuration.Scope.ToString());
        html.FactList("Excluded links", configuration.ExcludedLinks);
        html.Fact("Disallowed HTTP methods", string.Join(", ", configuration.DisallowedHttpMethods));
        html.Fact("Maximum scan duration", configuration.MaxScanDuration is { } max ? Durations.Readable(max) : "Unlimited");
        html.FactList("Additional websites", configuration.AdditionalWebsites);
        html.Fact("Authentication", configuration.Authentication ?? "None");
        if (scan.Commit is { } commit)
        {
            html.Fact("CI system", commit.IntegrationSystem);
            html.Fact("Build", commit.BuildId);
            html.Fact("Build URL", commit.BuildUrl);
            html.Fact("Branch", commit.Branch);
            html.Fact("Commit", commit.CommitId);
            html.Fact("Committer", commit.Committer);
        }

        html.Markup("</tbody></table>");
    }

    /// <summary>One row per issue; titles link to <c>#v{n}</c> when <paramref name="linkToDetails"/>.</summary>
    public static void Index(HtmlWriter html, IReadOnlyList<ReportVulnerability> vulnerabilities, bool linkToDetails)
    {
        if (vulnerabilities.Count == 0)
        {
            html.Element("p", "No issues were found.", "muted");
            return;
        }

        html.Markup("<table><thead><tr><th>Severity</th><th>Issue</th><th>URL</th><th>Parameter</th><th>Confirmed</th></tr></thead><tbody>");
        for (var i = 0; i < vulnerabilities.Count; i++)
        {
            var v = vulnerabilities[i];
            html.Markup("<tr><td>");
            Badge(html, v.Severity);
            html.Markup("</td><td>");
            if (linkToDetails)
            {
                html.LocalLink(AnchorOf(i), v.Title);
            }
            else
            {
                html.Text(v.Title);
            }

            html.Markup("</td><td>");
            html.Text(v.Method + " " + v.Url);
            html.Markup("</td><td>");
            html.Text(ParameterText(v));
            html.Markup("</td><td>");
            html.Text(v.IsConfirmed ? "Yes" : "No (" + v.Certainty.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%)");
            html.Markup("</td></tr>");
        }

        html.Markup("</tbody></table>");
    }

    public static void Badge(HtmlWriter html, Severity severity) =>
        html.Element("span", SeverityStyle.Label(severity), "badge sev-" + severity);

    public static string AnchorOf(int index) => "v" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string? ParameterText(ReportVulnerability v) =>
        string.IsNullOrEmpty(v.ParameterName)
            ? null
            : v.ParameterName + (string.IsNullOrEmpty(v.ParameterLocation) ? "" : " (" + v.ParameterLocation + ")");
}
