using System.Globalization;
using System.Text;
using System.Xml;
using Harrier.Core.Scans;
using Harrier.Reports.Formatting;

namespace Harrier.Reports;

/// <summary>
/// The Vulnerabilities report as JUnit XML (a Harrier extension, <c>format=JUnit</c>) for CI test views: one
/// <c>&lt;testsuite&gt;</c> for the scan, one <c>&lt;testcase&gt;</c> per vulnerability type and URL, failed
/// (<c>&lt;failure&gt;</c>) when an issue in it is at or above <see cref="ReportOptions.FailureThreshold"/>. A scan with no
/// issue has one passing test case, so the build view shows the scan ran.
/// </summary>
public static class JUnitWriter
{
    public static void Write(ReportDocument document, ReportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        var scan = document.Scan;
        var cases = VulnerabilityFilter.Apply(document, options)
            .GroupBy(v => (v.Type, v.Url))
            .Select(g => g.ToList())
            .ToList();
        var failures = cases.Count(c => c.Max(v => v.Severity) >= options.FailureThreshold);
        var tests = Math.Max(1, cases.Count).ToString(CultureInfo.InvariantCulture);
        var time = scan.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

        using var writer = XmlOutput.Create(output);
        writer.WriteStartDocument();
        writer.WriteStartElement("testsuites");
        XmlOutput.Attribute(writer, "name", "Harrier");
        XmlOutput.Attribute(writer, "tests", tests);
        XmlOutput.Attribute(writer, "failures", failures.ToString(CultureInfo.InvariantCulture));
        XmlOutput.Attribute(writer, "errors", "0");
        XmlOutput.Attribute(writer, "time", time);
        writer.WriteStartElement("testsuite");
        XmlOutput.Attribute(writer, "name", "Harrier scan of " + scan.TargetUrl);
        XmlOutput.Attribute(writer, "tests", tests);
        XmlOutput.Attribute(writer, "failures", failures.ToString(CultureInfo.InvariantCulture));
        XmlOutput.Attribute(writer, "errors", "0");
        XmlOutput.Attribute(writer, "skipped", "0");
        XmlOutput.Attribute(writer, "time", time);
        XmlOutput.Attribute(writer, "timestamp", scan.Initiated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        XmlOutput.Attribute(writer, "hostname", Uri.TryCreate(scan.TargetUrl, UriKind.Absolute, out var target) ? target.Host : "");
        WriteProperties(writer, scan, options);
        foreach (var issues in cases)
        {
            WriteCase(writer, issues, options.FailureThreshold);
        }

        if (cases.Count == 0)
        {
            writer.WriteStartElement("testcase");
            XmlOutput.Attribute(writer, "classname", "harrier.scan");
            XmlOutput.Attribute(writer, "name", "No vulnerabilities found");
            XmlOutput.Attribute(writer, "time", "0");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteProperties(XmlWriter writer, ReportScan scan, ReportOptions options)
    {
        writer.WriteStartElement("properties");
        foreach (var (name, value) in new[]
        {
            ("scanId", scan.Id.ToString("D")), ("targetUrl", scan.TargetUrl), ("state", scan.State.ToString()),
            ("failureThreshold", options.FailureThreshold.ToString()),
        })
        {
            writer.WriteStartElement("property");
            XmlOutput.Attribute(writer, "name", name);
            XmlOutput.Attribute(writer, "value", value);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteCase(XmlWriter writer, List<ReportVulnerability> issues, Severity threshold)
    {
        var first = issues[0];
        var severity = issues.Max(v => v.Severity);
        writer.WriteStartElement("testcase");
        XmlOutput.Attribute(writer, "classname", "harrier." + first.Type);
        XmlOutput.Attribute(writer, "name", first.Title + " – " + first.Url);
        XmlOutput.Attribute(writer, "time", "0");
        var details = Details(issues);
        if (severity >= threshold)
        {
            writer.WriteStartElement("failure");
            XmlOutput.Attribute(writer, "message", severity + ": " + first.Title + " at " + first.Url);
            XmlOutput.Attribute(writer, "type", first.Type);
            writer.WriteString(XmlChars.Clean(details));
            writer.WriteEndElement();
        }
        else
        {
            XmlOutput.Element(writer, "system-out", details);
        }

        writer.WriteEndElement();
    }

    private static string Details(List<ReportVulnerability> issues)
    {
        var builder = new StringBuilder();
        foreach (var v in issues)
        {
            builder.Append('[').Append(v.Severity).Append("] ").Append(v.Title).Append(" — ").Append(v.Method).Append(' ').Append(v.Url).Append('\n');
            if (!string.IsNullOrEmpty(v.ParameterName))
            {
                builder.Append("  Parameter: ").Append(ParameterText(v)).Append('\n');
            }

            if (!string.IsNullOrEmpty(v.Payload))
            {
                builder.Append("  Payload: ").Append(v.Payload).Append('\n');
            }

            if (!string.IsNullOrEmpty(v.Proof))
            {
                builder.Append("  Proof: ").Append(v.Proof).Append('\n');
            }

            builder.Append("  Confirmed: ").Append(v.IsConfirmed ? "yes" : "no").Append(", CWE: ").Append(v.Classification.Cwe ?? "-").Append('\n');
        }

        return builder.ToString();
    }

    private static string ParameterText(ReportVulnerability v) =>
        v.ParameterName + (string.IsNullOrEmpty(v.ParameterLocation) ? "" : " (" + v.ParameterLocation + ")");
}
