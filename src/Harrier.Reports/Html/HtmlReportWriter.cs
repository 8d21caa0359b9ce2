using System.Text;

namespace Harrier.Reports;

/// <summary>
/// The narrative HTML reports: ScanDetail, FullScanDetail, ExecutiveSummary, OwaspTopTen2021/2017/2013, SansTop25, WASC, Pci32.
/// Each page is self-contained (inline CSS and SVG, no script, no external asset), every value from the scan is HTML-encoded,
/// and a Content-Security-Policy meta tag allows only the page's own stylesheet. Serve it as exactly
/// <c>text/html</c> (<see cref="ReportContentTypes.For"/>); the page declares UTF-8 in a meta tag.
/// </summary>
public static class HtmlReportWriter
{
    public static bool Supports(ReportType type) => type is ReportType.ScanDetail or ReportType.FullScanDetail
        or ReportType.ExecutiveSummary or ReportType.OwaspTopTen2013 or ReportType.OwaspTopTen2017
        or ReportType.OwaspTopTen2021 or ReportType.SansTop25 or ReportType.WASC or ReportType.Pci32;

    public static void Write(ReportDocument document, ReportType type, ReportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 32 * 1024, leaveOpen: true);
        Write(document, type, options, writer);
    }

    public static void Write(ReportDocument document, ReportType type, ReportOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        switch (type)
        {
            case ReportType.ScanDetail or ReportType.FullScanDetail:
                Html.DetailedReport.Write(document, type, options, output);
                break;
            case ReportType.ExecutiveSummary:
                Html.ExecutiveReport.Write(document, options, output);
                break;
            case ReportType.OwaspTopTen2013 or ReportType.OwaspTopTen2017 or ReportType.OwaspTopTen2021 or ReportType.SansTop25 or ReportType.WASC
                or ReportType.Pci32:
                Html.ClassificationReport.Write(document, type, options, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Not an HTML report type.");
        }
    }
}
