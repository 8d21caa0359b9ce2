using System.Text.Encodings.Web;
using System.Text.Json;

namespace Harrier.Reports.Formatting;

/// <summary>Shared JSON settings and the <c>Target</c> block of the JSON reports.</summary>
internal static class JsonOutput
{
    /// <summary>Indented; the relaxed encoder keeps raw requests readable (the file is served as JSON, never inlined into HTML).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteTarget(Utf8JsonWriter writer, ReportDocument document, ReportOptions options)
    {
        var scan = document.Scan;
        writer.WriteStartObject("Target");
        writer.WriteString("Duration", Durations.Wire(scan.Duration));
        writer.WriteString("Initiated", options.FormatDate(scan.Initiated));
        writer.WriteString("ScanId", scan.Id.ToString("N"));
        writer.WriteString("Url", scan.TargetUrl);
        writer.WriteEndObject();
    }
}
