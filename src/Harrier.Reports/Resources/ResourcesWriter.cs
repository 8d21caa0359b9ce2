using System.Globalization;
using System.Text.Json;
using Harrier.Core.Findings;
using Harrier.Reports.Formatting;

namespace Harrier.Reports;

/// <summary>
/// The Crawled and Scanned URL lists as JSON, XML or CSV (contract §6.2: best-effort documents). Each resource has its
/// URL, method, status code, parameter names and whether the attack phase covered it. Sorted by URL, then method.
/// </summary>
public static class ResourcesWriter
{
    public static IReadOnlyList<string> CsvColumns { get; } = ["Url", "Method", "StatusCode", "ContentType", "Parameters", "Attacked"];

    public static void WriteJson(ReportDocument document, ResourceList list, ReportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        using var writer = new Utf8JsonWriter(output, JsonOutput.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("Generated", options.FormatDate(document.Generated));
        JsonOutput.WriteTarget(writer, document, options);
        writer.WriteString("List", list.ToString());
        writer.WriteStartArray("Resources");
        foreach (var resource in Select(document, list))
        {
            writer.WriteStartObject();
            writer.WriteString("Url", resource.Url);
            writer.WriteString("Method", resource.Method);
            writer.WriteNumber("StatusCode", resource.StatusCode);
            writer.WriteString("ContentType", resource.ContentType);
            writer.WriteStartArray("Parameters");
            foreach (var name in resource.ParameterNames)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("Attacked", resource.Attacked);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteXml(ReportDocument document, ResourceList list, ReportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        using var writer = XmlOutput.Create(output);
        writer.WriteStartDocument();
        writer.WriteStartElement(list + "Report");
        XmlOutput.Element(writer, "Generated", options.FormatDate(document.Generated));
        XmlOutput.WriteTarget(writer, document, options);
        writer.WriteStartElement("Resources");
        foreach (var resource in Select(document, list))
        {
            writer.WriteStartElement("Resource");
            XmlOutput.Element(writer, "Url", resource.Url);
            XmlOutput.Element(writer, "Method", resource.Method);
            XmlOutput.Element(writer, "StatusCode", resource.StatusCode.ToString(CultureInfo.InvariantCulture));
            XmlOutput.Element(writer, "ContentType", resource.ContentType);
            writer.WriteStartElement("Parameters");
            foreach (var name in resource.ParameterNames)
            {
                XmlOutput.Element(writer, "Parameter", name);
            }

            writer.WriteEndElement();
            XmlOutput.Element(writer, "Attacked", resource.Attacked ? "true" : "false");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    public static void WriteCsv(ReportDocument document, ResourceList list, ReportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        using var text = CsvOutput.CreateWriter(output);
        var csv = new CsvOutput(text);
        csv.Row(CsvColumns);
        foreach (var resource in Select(document, list))
        {
            csv.Row(
                resource.Url, resource.Method, resource.StatusCode.ToString(CultureInfo.InvariantCulture), resource.ContentType,
                string.Join(';', resource.ParameterNames), resource.Attacked ? "true" : "false");
        }
    }

    internal static IEnumerable<CrawledResource> Select(ReportDocument document, ResourceList list) =>
        document.Resources
            .Where(r => list == ResourceList.Crawled || r.Attacked)
            .OrderBy(r => r.Url, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal);
}
