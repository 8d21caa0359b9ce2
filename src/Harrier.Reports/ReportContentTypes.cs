namespace Harrier.Reports;

/// <summary>The <c>Content-Type</c> and file extension each report format is served with.</summary>
public static class ReportContentTypes
{
    /// <summary>
    /// The exact <c>Content-Type</c> header for <paramref name="format"/>. HTML is exactly <c>text/html</c>, with no charset:
    /// the Jenkins and Bamboo plugins compare the header with that string (contract §1.3); the page declares UTF-8 itself.
    /// </summary>
    public static string For(ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html",
        ReportFormat.Json => "application/json; charset=utf-8",
        ReportFormat.Xml => "application/xml; charset=utf-8",
        ReportFormat.Csv => "text/csv; charset=utf-8",
        ReportFormat.Txt => "text/plain; charset=utf-8",
        ReportFormat.Pdf => "application/pdf",
        ReportFormat.Sarif => "application/sarif+json",
        ReportFormat.JUnit => "application/xml; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
    };

    /// <summary>The file extension, without the dot, for a download name.</summary>
    public static string FileExtension(ReportFormat format) => format switch
    {
        ReportFormat.Html => "html",
        ReportFormat.Json => "json",
        ReportFormat.Xml => "xml",
        ReportFormat.Csv => "csv",
        ReportFormat.Txt => "txt",
        ReportFormat.Pdf => "pdf",
        ReportFormat.Sarif => "sarif",
        ReportFormat.JUnit => "xml",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
    };
}
