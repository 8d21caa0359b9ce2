using System.Text;
using System.Xml;

namespace Harrier.Reports.Formatting;

/// <summary>Shared XML settings: UTF-8 without BOM, indented; every string passes through <see cref="XmlChars.Clean"/>.</summary>
internal static class XmlOutput
{
    private static readonly XmlWriterSettings s_settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        CloseOutput = false,
        CheckCharacters = true,
        NewLineHandling = NewLineHandling.Entitize,
    };

    public static XmlWriter Create(Stream output) => XmlWriter.Create(output, s_settings);

    public static void Element(XmlWriter writer, string name, string? value) =>
        writer.WriteElementString(name, XmlChars.Clean(value));

    public static void Attribute(XmlWriter writer, string name, string? value) =>
        writer.WriteAttributeString(name, XmlChars.Clean(value));

    public static void WriteTarget(XmlWriter writer, ReportDocument document, ReportOptions options)
    {
        var scan = document.Scan;
        writer.WriteStartElement("Target");
        Element(writer, "Duration", Durations.Wire(scan.Duration));
        Element(writer, "Initiated", options.FormatDate(scan.Initiated));
        Element(writer, "ScanId", scan.Id.ToString("N"));
        Element(writer, "Url", scan.TargetUrl);
        writer.WriteEndElement();
    }
}
