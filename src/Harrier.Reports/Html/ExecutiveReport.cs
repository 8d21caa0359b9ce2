using System.Globalization;
using Harrier.Reports.Formatting;

namespace Harrier.Reports.Html;

/// <summary>ExecutiveSummary: the severity summary, issues grouped by type, the most severe issues, and the configuration; no evidence.</summary>
internal static class ExecutiveReport
{
    private const int TopIssues = 10;

    public static void Write(ReportDocument document, ReportOptions options, TextWriter output)
    {
        const string Title = "Executive Summary";
        var vulnerabilities = VulnerabilityFilter.Apply(document, options);
        HtmlPage.Write(output, Title + " – " + document.Scan.TargetUrl, html =>
        {
            HtmlSections.Header(html, Title, document, options);
            HtmlSections.Summary(html, document, vulnerabilities, options);
            ByType(html, vulnerabilities);
            html.Element("h2", "Most severe issues");
            HtmlSections.Index(html, vulnerabilities.Take(TopIssues).ToList(), linkToDetails: false);
            if (vulnerabilities.Count > TopIssues)
            {
                html.Element("p", (vulnerabilities.Count - TopIssues).ToString(CultureInfo.InvariantCulture) +
                    " more issues are listed in the detailed report.", "muted");
            }

            HtmlSections.Configuration(html, document.Scan);
        });
    }

    private static void ByType(HtmlWriter html, IReadOnlyList<ReportVulnerability> vulnerabilities)
    {
        html.Element("h2", "Issues by type");
        if (vulnerabilities.Count == 0)
        {
            html.Element("p", "No issues were found.", "muted");
            return;
        }

        html.Markup("<table><thead><tr><th>Severity</th><th>Issue</th><th class=\"num\">Count</th><th class=\"num\">Confirmed</th><th>Remediation</th></tr></thead><tbody>");
        foreach (var group in vulnerabilities.GroupBy(v => v.Type, StringComparer.Ordinal))
        {
            var first = group.First();
            html.Markup("<tr><td>");
            HtmlSections.Badge(html, group.Max(v => v.Severity));
            html.Markup("</td><td>");
            html.Text(first.Title);
            html.Markup("</td><td class=\"num\">");
            html.Text(group.Count());
            html.Markup("</td><td class=\"num\">");
            html.Text(group.Count(v => v.IsConfirmed));
            html.Markup("</td><td>");
            var remediation = RichText.Paragraphs(first.Remediation);
            html.Text(remediation.Count > 0 ? remediation[0] : null);
            html.Markup("</td></tr>");
        }

        html.Markup("</tbody></table>");
    }
}
