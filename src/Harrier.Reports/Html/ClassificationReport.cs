using Harrier.Reports.Formatting;
using Harrier.Reports.Taxonomies;

namespace Harrier.Reports.Html;

/// <summary>OWASP Top 10 (2021, 2017, 2013), CWE/SANS Top 25 and WASC: issues grouped by the categories of one list.</summary>
internal static class ClassificationReport
{
    public static void Write(ReportDocument document, ReportType type, ReportOptions options, TextWriter output)
    {
        var scheme = CategoryScheme.For(type);
        var vulnerabilities = VulnerabilityFilter.Apply(document, options);
        var byCategory = vulnerabilities.ToLookup(v => scheme.Assign(v.Classification) ?? "");
        HtmlPage.Write(output, scheme.Title + " – " + document.Scan.TargetUrl, html =>
        {
            HtmlSections.Header(html, scheme.Title, document, options);
            HtmlSections.Summary(html, document, vulnerabilities, options);
            html.Element("h2", "Categories");
            html.Element("p", scheme.Note, "muted");
            Overview(html, scheme, byCategory);
            var index = 0;
            foreach (var category in scheme.Categories.Where(c => byCategory.Contains(c.Id)))
            {
                Section(html, category.Id + " – " + category.Name, "c-" + (index++).ToString(System.Globalization.CultureInfo.InvariantCulture), byCategory[category.Id].ToList());
            }

            if (byCategory.Contains(""))
            {
                Section(html, "Not in this list", "c-none", byCategory[""].ToList());
            }

            HtmlSections.Configuration(html, document.Scan);
        });
    }

    private static void Overview(HtmlWriter html, CategoryScheme scheme, ILookup<string, ReportVulnerability> byCategory)
    {
        html.Markup("<table><thead><tr><th>Category</th><th>Name</th><th class=\"num\">Issues</th><th>Highest severity</th></tr></thead><tbody>");
        foreach (var category in scheme.Categories)
        {
            var issues = byCategory[category.Id].ToList();
            html.Markup("<tr><td>");
            html.Text(category.Id);
            html.Markup("</td><td>");
            html.Text(category.Name);
            html.Markup("</td><td class=\"num\">");
            html.Text(issues.Count);
            html.Markup("</td><td>");
            if (issues.Count > 0)
            {
                HtmlSections.Badge(html, issues.Max(v => v.Severity));
            }
            else
            {
                html.Text("—");
            }

            html.Markup("</td></tr>");
        }

        html.Markup("</tbody></table>");
    }

    private static void Section(HtmlWriter html, string heading, string id, IReadOnlyList<ReportVulnerability> issues)
    {
        html.Start("section", null, id);
        html.Element("h2", heading);
        HtmlSections.Index(html, issues, linkToDetails: false);
        foreach (var group in issues.GroupBy(v => v.Type, StringComparer.Ordinal))
        {
            var first = group.First();
            html.Start("details");
            html.Start("summary");
            html.Text(first.Title);
            html.End("summary");
            VulnerabilityDetail.Classification(html, first.Classification);
            foreach (var (label, text) in new[] { ("Description", first.Description), ("Impact", first.Impact), ("Remediation", first.Remediation) })
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    html.Element("h4", label);
                    html.Paragraphs(text);
                }
            }

            html.End("details");
        }

        html.End("section");
    }
}
