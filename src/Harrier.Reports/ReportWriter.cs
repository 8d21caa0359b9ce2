using Harrier.Core.Scans;

namespace Harrier.Reports;

/// <summary>
/// Picks the writer for a report type and format (contract §2.21 plus Harrier's Sarif and JUnit), so an endpoint only
/// validates the combination, renders, and serves the bytes with <see cref="ReportContentTypes.For"/>.
/// </summary>
public static class ReportWriter
{
    /// <summary>Whether this library renders <paramref name="type"/> as <paramref name="format"/>. PDF is not rendered here.</summary>
    public static bool Supports(ReportType type, ReportFormat format) => type switch
    {
        ReportType.Vulnerabilities => format is ReportFormat.Json or ReportFormat.Xml or ReportFormat.Csv or ReportFormat.Sarif or ReportFormat.JUnit,
        ReportType.Crawled or ReportType.Scanned => format is ReportFormat.Json or ReportFormat.Xml or ReportFormat.Csv,
        _ => format == ReportFormat.Html && HtmlReportWriter.Supports(type),
    };

    /// <summary>Renders synchronously into <paramref name="output"/>. Throws <see cref="ArgumentException"/> for an unsupported combination.</summary>
    public static void Write(ReportDocument document, ReportType type, ReportFormat format, ReportOptions options, Stream output)
    {
        if (!Supports(type, format))
        {
            throw new ArgumentException("Report type " + type + " cannot be rendered as " + format + ".", nameof(format));
        }

        switch (type, format)
        {
            case (ReportType.Vulnerabilities, ReportFormat.Json): VulnerabilitiesJsonWriter.Write(document, options, output); break;
            case (ReportType.Vulnerabilities, ReportFormat.Xml): VulnerabilitiesXmlWriter.Write(document, options, output); break;
            case (ReportType.Vulnerabilities, ReportFormat.Csv): VulnerabilitiesCsvWriter.Write(document, options, output); break;
            case (ReportType.Vulnerabilities, ReportFormat.Sarif): SarifWriter.Write(document, options, output); break;
            case (ReportType.Vulnerabilities, ReportFormat.JUnit): JUnitWriter.Write(document, options, output); break;
            case (ReportType.Crawled or ReportType.Scanned, _): WriteResources(document, type, format, options, output); break;
            default: HtmlReportWriter.Write(document, type, options, output); break;
        }
    }

    /// <summary>
    /// Renders into memory, then copies to <paramref name="output"/> asynchronously (for a response body, where
    /// synchronous writes are not allowed).
    /// </summary>
    public static async Task WriteAsync(
        ReportDocument document, ReportType type, ReportFormat format, ReportOptions options, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        Write(document, type, format, options, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether any issue of the report is at or above <paramref name="threshold"/>, after the filters (CI <c>--fail-on</c>).</summary>
    public static bool HasIssuesAtOrAbove(ReportDocument document, ReportOptions options, Severity threshold) =>
        Formatting.VulnerabilityFilter.Apply(document, options).Any(v => v.Severity >= threshold);

    private static void WriteResources(ReportDocument document, ReportType type, ReportFormat format, ReportOptions options, Stream output)
    {
        var list = type == ReportType.Crawled ? ResourceList.Crawled : ResourceList.Scanned;
        switch (format)
        {
            case ReportFormat.Json: ResourcesWriter.WriteJson(document, list, options, output); break;
            case ReportFormat.Xml: ResourcesWriter.WriteXml(document, list, options, output); break;
            default: ResourcesWriter.WriteCsv(document, list, options, output); break;
        }
    }
}
