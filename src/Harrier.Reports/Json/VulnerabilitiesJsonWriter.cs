using System.Text.Json;
using Harrier.Reports.Formatting;

namespace Harrier.Reports;

/// <summary>
/// The Vulnerabilities report as JSON, in the layout of contract §6.1 (field names as Invicti writes them). Each entry's
/// <c>HttpRequest.Parameters</c> lists <c>{ Name, Value, Type }</c> with the attacked parameter first, and
/// <c>HttpRequest.Content</c> carries the full raw request.
/// </summary>
public static class VulnerabilitiesJsonWriter
{
    public static void Write(ReportDocument document, ReportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        using var writer = new Utf8JsonWriter(output, JsonOutput.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("Generated", options.FormatDate(document.Generated));
        JsonOutput.WriteTarget(writer, document, options);
        writer.WriteStartArray("Vulnerabilities");
        foreach (var vulnerability in VulnerabilityFilter.Apply(document, options))
        {
            WriteVulnerability(writer, vulnerability, options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteVulnerability(Utf8JsonWriter writer, ReportVulnerability v, ReportOptions options)
    {
        var format = options.ContentFormat;
        writer.WriteStartObject();
        writer.WriteNumber("Certainty", Math.Clamp(v.Certainty, 0, 100));
        WriteClassification(writer, v.Classification);
        writer.WriteBoolean("Confirmed", v.IsConfirmed);
        writer.WriteString("Description", RichText.Render(v.Description, format));
        writer.WriteString("ExploitationSkills", "");
        writer.WriteString("ExternalReferences", RichText.References(v.References, format));
        WriteExtraInformation(writer, v);
        writer.WriteString("FirstSeenDate", v.FirstSeen is { } first ? options.FormatDate(first) : "");
        WriteRequest(writer, v);
        WriteResponse(writer, v, options);
        writer.WriteString("Impact", RichText.Render(v.Impact, format));
        writer.WriteStartArray("KnownVulnerabilities");
        writer.WriteEndArray();
        writer.WriteString("LastSeenDate", v.LastSeen is { } last ? options.FormatDate(last) : "");
        writer.WriteString("LookupId", v.Id.ToString("D"));
        writer.WriteString("Name", v.Title);
        writer.WriteString("ProofOfConcept", "");
        writer.WriteString("RemedialActions", RichText.Render(v.Remediation, format));
        writer.WriteString("RemedialProcedure", RichText.Render(v.Remediation, format));
        writer.WriteString("RemedyReferences", RichText.References(v.References, format));
        writer.WriteString("Severity", v.Severity.ToString());
        writer.WriteString("State", v.State);
        writer.WriteStartArray("Tags");
        foreach (var tag in v.Tags)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WriteString("Type", v.Type);
        writer.WriteString("Url", v.Url);
        writer.WriteEndObject();
    }

    private static void WriteClassification(Utf8JsonWriter writer, Core.Findings.Classification c)
    {
        writer.WriteStartObject("Classification");
        foreach (var (name, value) in ClassificationFields.Of(c))
        {
            if (value is null && name.StartsWith("Cvss", StringComparison.Ordinal))
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, value ?? "");
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteExtraInformation(Utf8JsonWriter writer, ReportVulnerability v)
    {
        writer.WriteStartArray("ExtraInformation");
        foreach (var (name, value) in ExtraInformation.Of(v))
        {
            writer.WriteStartObject();
            writer.WriteString("Name", name);
            writer.WriteString("Value", value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteRequest(Utf8JsonWriter writer, ReportVulnerability v)
    {
        writer.WriteStartObject("HttpRequest");
        writer.WriteString("Content", v.RawRequest ?? "");
        writer.WriteString("Method", v.Method);
        writer.WriteStartArray("Parameters");
        foreach (var parameter in RequestParameters.For(v))
        {
            writer.WriteStartObject();
            writer.WriteString("Name", parameter.Name);
            writer.WriteString("Value", parameter.Value);
            writer.WriteString("Type", parameter.Type);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter writer, ReportVulnerability v, ReportOptions options)
    {
        writer.WriteStartObject("HttpResponse");
        if (options.ExcludeResponseData || v.RawResponse is null)
        {
            writer.WriteNull("Content");
        }
        else
        {
            writer.WriteString("Content", v.RawResponse);
        }

        writer.WriteNumber("Duration", v.ResponseDurationMs ?? 0);
        writer.WriteNumber("StatusCode", v.ResponseStatusCode ?? 0);
        writer.WriteEndObject();
    }
}
