using System.Globalization;
using Harrier.Reports.Formatting;

namespace Harrier.Reports.Html;

/// <summary>ScanDetail (addressed issues left out) and FullScanDetail (all issues): every issue with its evidence.</summary>
internal static class DetailedReport
{
    private const int MaxResourceRows = 2000;

    public static void Write(ReportDocument document, ReportType type, ReportOptions options, TextWriter output)
    {
        var title = type == ReportType.FullScanDetail ? "Detailed Scan Report (including addressed issues)" : "Detailed Scan Report";
        var vulnerabilities = VulnerabilityFilter.ForReport(document, options, type);
        HtmlPage.Write(output, title + " – " + document.Scan.TargetUrl, html =>
        {
            HtmlSections.Header(html, title, document, options);
            HtmlSections.Summary(html, document, vulnerabilities, options);
            HtmlSections.Configuration(html, document.Scan);
            html.Element("h2", "Issues");
            HtmlSections.Index(html, vulnerabilities, linkToDetails: true);
            for (var i = 0; i < vulnerabilities.Count; i++)
            {
                VulnerabilityDetail.Write(html, vulnerabilities[i], HtmlSections.AnchorOf(i), options, withEvidence: true);
            }

            Resources(html, document);
        });
    }

    private static void Resources(HtmlWriter html, ReportDocument document)
    {
        var resources = ResourcesWriter.Select(document, ResourceList.Crawled).ToList();
        html.Element("h2", "Crawled URLs");
        if (resources.Count == 0)
        {
            html.Element("p", "No crawled URLs were recorded.", "muted");
            return;
        }

        html.Markup("<table><thead><tr><th>Method</th><th>URL</th><th>Parameters</th><th class=\"num\">Status</th><th>Attacked</th></tr></thead><tbody>");
        foreach (var resource in resources.Take(MaxResourceRows))
        {
            html.Markup("<tr><td>");
            html.Text(resource.Method);
            html.Markup("</td><td>");
            html.Text(resource.Url);
            html.Markup("</td><td>");
            html.Text(string.Join(", ", resource.ParameterNames));
            html.Markup("</td><td class=\"num\">");
            html.Text(resource.StatusCode);
            html.Markup("</td><td>");
            html.Text(resource.Attacked ? "Yes" : "No");
            html.Markup("</td></tr>");
        }

        html.Markup("</tbody></table>");
        if (resources.Count > MaxResourceRows)
        {
            html.Element("p", (resources.Count - MaxResourceRows).ToString(CultureInfo.InvariantCulture) +
                " more URLs are in the Crawled report.", "muted");
        }
    }
}
