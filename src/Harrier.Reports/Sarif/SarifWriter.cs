using System.Globalization;
using System.Text.Json;
using Harrier.Core.Findings;
using Harrier.Reports.Formatting;
using Harrier.Reports.Sarif;

namespace Harrier.Reports;

/// <summary>
/// The Vulnerabilities report as SARIF 2.1.0 (a Harrier extension, <c>format=Sarif</c>): one rule per vulnerability type
/// with help text, CWE/OWASP tags and a <c>security-severity</c> score; one result per issue, located by its URL
/// (<c>artifactLocation.uri</c>), with its level from the severity and the attacked request in <c>webRequest</c>.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(ReportDocument document, ReportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        var vulnerabilities = VulnerabilityFilter.Apply(document, options);
        var rules = vulnerabilities.GroupBy(v => v.Type, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var ruleIndex = rules.Select((group, i) => (group[0].Type, i)).ToDictionary(p => p.Type, p => p.i, StringComparer.Ordinal);

        using var writer = new Utf8JsonWriter(output, JsonOutput.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "Harrier");
        writer.WriteString("fullName", "Harrier dynamic application security scanner");
        writer.WriteStartArray("rules");
        foreach (var group in rules)
        {
            SarifRules.Write(writer, group);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        WriteInvocation(writer, document.Scan);
        writer.WriteStartObject("automationDetails");
        writer.WriteString("id", "harrier/" + document.Scan.Id.ToString("N"));
        writer.WriteEndObject();
        writer.WriteStartArray("results");
        foreach (var v in vulnerabilities)
        {
            WriteResult(writer, v, ruleIndex[v.Type], options);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("properties");
        writer.WriteString("targetUrl", document.Scan.TargetUrl);
        writer.WriteString("scanId", document.Scan.Id.ToString("D"));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter writer, ReportScan scan)
    {
        writer.WriteStartArray("invocations");
        writer.WriteStartObject();
        writer.WriteBoolean("executionSuccessful", scan.State == Core.Scans.ScanTaskState.Complete);
        writer.WriteString("startTimeUtc", Utc(scan.Initiated));
        if (scan.Finished is { } finished)
        {
            writer.WriteString("endTimeUtc", Utc(finished));
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter writer, ReportVulnerability v, int ruleIndex, ReportOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", v.Type);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("kind", "fail");
        writer.WriteString("level", SeverityStyle.SarifLevel(v.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", Message(v));
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", SafeUrl.ToUriReference(v.Url));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("partialFingerprints");
        writer.WriteString("harrierFingerprint/v1", FindingFingerprint.Of(v.Type, v.Url, v.Method, v.ParameterName));
        writer.WriteEndObject();
        writer.WriteStartObject("webRequest");
        writer.WriteString("target", v.Url);
        writer.WriteString("method", v.Method);
        writer.WriteStartObject("parameters");
        foreach (var parameter in RequestParameters.For(v).DistinctBy(p => p.Name, StringComparer.Ordinal))
        {
            writer.WriteString(parameter.Name, parameter.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        if (v.ResponseStatusCode is { } status)
        {
            writer.WriteStartObject("webResponse");
            writer.WriteNumber("statusCode", status);
            writer.WriteEndObject();
        }

        WriteProperties(writer, v, options);
        writer.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter writer, ReportVulnerability v, ReportOptions options)
    {
        writer.WriteStartObject("properties");
        writer.WriteString("lookupId", v.Id.ToString("D"));
        writer.WriteString("severity", v.Severity.ToString());
        writer.WriteBoolean("confirmed", v.IsConfirmed);
        writer.WriteNumber("certainty", Math.Clamp(v.Certainty, 0, 100));
        writer.WriteString("state", v.State);
        writer.WriteString("parameter", v.ParameterName);
        writer.WriteString("parameterType", v.ParameterLocation);
        writer.WriteString("payload", v.Payload);
        writer.WriteString("proof", v.Proof);
        writer.WriteString("rawRequest", v.RawRequest);
        if (!options.ExcludeResponseData && v.RawResponse is not null)
        {
            writer.WriteString("responseExcerpt", Excerpt.Of(v.RawResponse, v.Proof, 2000));
        }

        writer.WriteEndObject();
    }

    private static string Message(ReportVulnerability v)
    {
        var message = v.Title + " at " + v.Method + " " + v.Url;
        if (!string.IsNullOrEmpty(v.ParameterName))
        {
            message += " in parameter '" + v.ParameterName + "'" + (string.IsNullOrEmpty(v.ParameterLocation) ? "" : " (" + v.ParameterLocation + ")");
        }

        return message + (v.IsConfirmed ? " (confirmed)." : " (certainty " + v.Certainty.ToString(CultureInfo.InvariantCulture) + "%).");
    }

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
