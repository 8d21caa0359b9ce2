using Harrier.Core.Scans;
using Harrier.Reports.Formatting;

namespace Harrier.Reports.Html;

/// <summary>The findings-by-severity bar chart: inline SVG drawn from counts only (no data strings reach it), no script.</summary>
internal static class SeverityChart
{
    private const int LabelWidth = 110;
    private const int BarMax = 330;
    private const int RowHeight = 30;

    public static void Write(HtmlWriter html, SeverityCounts counts)
    {
        var max = Math.Max(1, SeverityStyle.Descending.Max(s => SeverityStyle.Count(counts, s)));
        var height = (RowHeight * SeverityStyle.Descending.Count) + 8;
        html.Markup("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\" width=\"500\"");
        html.Attribute("height", Number(height));
        html.Attribute("viewBox", "0 0 500 " + Number(height));
        html.Markup("><title id=\"chart-title\">Findings by severity</title>");
        var y = 4;
        foreach (var severity in SeverityStyle.Descending)
        {
            var count = SeverityStyle.Count(counts, severity);
            var width = count == 0 ? 2 : Math.Max(4, count * BarMax / max);
            html.Markup("<text font-family=\"sans-serif\" font-size=\"14\" fill=\"#1b1f24\" x=\"0\"");
            html.Attribute("y", Number(y + 19));
            html.Markup(">");
            html.Text(SeverityStyle.Label(severity));
            html.Markup("</text><rect rx=\"3\"");
            html.Attribute("x", Number(LabelWidth));
            html.Attribute("y", Number(y + 4));
            html.Attribute("width", Number(width));
            html.Attribute("height", Number(RowHeight - 10));
            html.Attribute("fill", SeverityStyle.Colour(severity));
            html.Markup("/><text font-family=\"sans-serif\" font-size=\"14\" fill=\"#1b1f24\"");
            html.Attribute("x", Number(LabelWidth + width + 8));
            html.Attribute("y", Number(y + 19));
            html.Markup(">");
            html.Text(count);
            html.Markup("</text>");
            y += RowHeight;
        }

        html.Markup("</svg>");
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
