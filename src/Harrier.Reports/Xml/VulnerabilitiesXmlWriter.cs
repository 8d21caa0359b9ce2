using System.Globalization;
using System.Xml;
using Harrier.Reports.Formatting;

namespace Harrier.Reports;

/// <summary>
/// The Vulnerabilities report as XML: the members of the JSON layout (contract §6.1) as elements under
/// <c>&lt;VulnerabilitiesReport&gt;</c>, parameters as <c>&lt;Parameter Name Value Type/&gt;</c>, the attacked one first.
/// Characters XML cannot carry are replaced with U+FFFD.
/// </summary>
public static class VulnerabilitiesXmlWriter
{
    public static void Write(ReportDocument document, ReportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        using var writer = XmlOutput.Create(output);
        writer.WriteStartDocument();
        writer.WriteStartElement("VulnerabilitiesReport");
        XmlOutput.Element(writer, "Generated", options.FormatDate(document.Generated));
        XmlOutput.WriteTarget(writer, document, options);
        writer.WriteStartElement("Vulnerabilities");
        foreach (var vulnerability in VulnerabilityFilter.Apply(document, options))
        {
            WriteVulnerability(writer, vulnerability, options);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteVulnerability(XmlWriter writer, ReportVulnerability v, ReportOptions options)
    {
        var format = options.ContentFormat;
        writer.WriteStartElement("Vulnerability");
        XmlOutput.Element(writer, "LookupId", v.Id.ToString("D"));
        XmlOutput.Element(writer, "Type", v.Type);
        XmlOutput.Element(writer, "Name", v.Title);
        XmlOutput.Element(writer, "Severity", v.Severity.ToString());
        XmlOutput.Element(writer, "Confirmed", v.IsConfirmed ? "true" : "false");
        XmlOutput.Element(writer, "Certainty", Math.Clamp(v.Certainty, 0, 100).ToString(CultureInfo.InvariantCulture));
        XmlOutput.Element(writer, "State", v.State);
        XmlOutput.Element(writer, "Url", v.Url);
        XmlOutput.Element(writer, "FirstSeenDate", v.FirstSeen is { } first ? options.FormatDate(first) : "");
        XmlOutput.Element(writer, "LastSeenDate", v.LastSeen is { } last ? options.FormatDate(last) : "");

        writer.WriteStartElement("Classification");
        foreach (var (name, value) in ClassificationFields.Of(v.Classification))
        {
            XmlOutput.Element(writer, name, value);
        }

        writer.WriteEndElement();
        WriteRequest(writer, v);
        WriteResponse(writer, v, options);

        writer.WriteStartElement("ExtraInformation");
        foreach (var (name, value) in ExtraInformation.Of(v))
        {
            writer.WriteStartElement("Info");
            XmlOutput.Attribute(writer, "Name", name);
            XmlOutput.Attribute(writer, "Value", value);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        XmlOutput.Element(writer, "Description", RichText.Render(v.Description, format));
        XmlOutput.Element(writer, "Impact", RichText.Render(v.Impact, format));
        XmlOutput.Element(writer, "RemedialActions", RichText.Render(v.Remediation, format));
        XmlOutput.Element(writer, "RemedialProcedure", RichText.Render(v.Remediation, format));
        XmlOutput.Element(writer, "RemedyReferences", RichText.References(v.References, format));
        XmlOutput.Element(writer, "ExternalReferences", RichText.References(v.References, format));
        writer.WriteStartElement("Tags");
        foreach (var tag in v.Tags)
        {
            XmlOutput.Element(writer, "Tag", tag);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRequest(XmlWriter writer, ReportVulnerability v)
    {
        writer.WriteStartElement("HttpRequest");
        XmlOutput.Element(writer, "Method", v.Method);
        XmlOutput.Element(writer, "Content", v.RawRequest);
        writer.WriteStartElement("Parameters");
        foreach (var parameter in RequestParameters.For(v))
        {
            writer.WriteStartElement("Parameter");
            XmlOutput.Attribute(writer, "Name", parameter.Name);
            XmlOutput.Attribute(writer, "Value", parameter.Value);
            XmlOutput.Attribute(writer, "Type", parameter.Type);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteResponse(XmlWriter writer, ReportVulnerability v, ReportOptions options)
    {
        writer.WriteStartElement("HttpResponse");
        XmlOutput.Element(writer, "StatusCode", (v.ResponseStatusCode ?? 0).ToString(CultureInfo.InvariantCulture));
        XmlOutput.Element(writer, "Duration", (v.ResponseDurationMs ?? 0).ToString(CultureInfo.InvariantCulture));
        if (!options.ExcludeResponseData && v.RawResponse is not null)
        {
            XmlOutput.Element(writer, "Content", v.RawResponse);
        }

        writer.WriteEndElement();
    }
}
