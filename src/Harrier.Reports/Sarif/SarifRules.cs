using System.Text;
using System.Text.Json;
using Harrier.Reports.Formatting;
using Harrier.Reports.Taxonomies;

namespace Harrier.Reports.Sarif;

/// <summary>Writes the SARIF rule (<c>reportingDescriptor</c>) of one vulnerability type.</summary>
internal static class SarifRules
{
    /// <summary>Writes the rule of the issues in <paramref name="group"/> (one type, most severe first).</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<ReportVulnerability> group)
    {
        var first = group[0];
        var severity = group.Max(v => v.Severity);
        writer.WriteStartObject();
        writer.WriteString("id", first.Type);
        writer.WriteString("name", first.Type);
        writer.WriteStartObject("shortDescription");
        writer.WriteString("text", first.Title);
        writer.WriteEndObject();
        writer.WriteStartObject("fullDescription");
        writer.WriteString("text", string.IsNullOrWhiteSpace(first.Description) ? first.Title : first.Description);
        writer.WriteEndObject();
        writer.WriteStartObject("help");
        writer.WriteString("text", HelpText(first));
        writer.WriteString("markdown", HelpMarkdown(first));
        writer.WriteEndObject();
        var helpUri = first.References.Select(SafeUrl.ToLink).FirstOrDefault(link => link is not null);
        if (helpUri is not null)
        {
            writer.WriteString("helpUri", helpUri);
        }

        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", SeverityStyle.SarifLevel(severity));
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteStartArray("tags");
        foreach (var tag in Tags(first.Classification))
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WriteString("security-severity", SeverityStyle.SecurityScore(severity));
        writer.WriteString("precision", group.Any(v => v.IsConfirmed) ? "high" : "medium");
        writer.WriteString("problem.severity", SeverityStyle.SarifLevel(severity) == "note" ? "recommendation" : SeverityStyle.SarifLevel(severity));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    internal static IEnumerable<string> Tags(Core.Findings.Classification classification)
    {
        yield return "security";
        foreach (var cwe in CweList.Parse(classification.Cwe))
        {
            yield return "external/cwe/cwe-" + cwe;
        }

        if (OwaspTopTen.CategoryOf(classification, 2021) is { } owasp)
        {
            yield return "external/owasp/owasp-top10-2021-" + owasp.ToLowerInvariant();
        }

        if (WascThreats.CategoryOf(classification) is { } wasc)
        {
            yield return "external/wasc/wasc-" + wasc;
        }
    }

    private static string HelpText(ReportVulnerability v)
    {
        var builder = new StringBuilder();
        Append(builder, v.Description);
        Append(builder, string.IsNullOrWhiteSpace(v.Impact) ? "" : "Impact: " + v.Impact);
        Append(builder, string.IsNullOrWhiteSpace(v.Remediation) ? "" : "Remediation: " + v.Remediation);
        if (v.References.Count > 0)
        {
            Append(builder, "References:\n" + string.Join('\n', v.References));
        }

        return builder.Length == 0 ? v.Title : builder.ToString();
    }

    private static string HelpMarkdown(ReportVulnerability v)
    {
        var builder = new StringBuilder();
        Append(builder, RichText.Render(v.Description, ContentFormat.Markdown));
        Section(builder, "Impact", v.Impact);
        Section(builder, "Remediation", v.Remediation);
        if (v.References.Count > 0)
        {
            Append(builder, "**References**\n\n" + RichText.References(v.References, ContentFormat.Markdown));
        }

        return builder.Length == 0 ? RichText.EscapeMarkdown(v.Title) : builder.ToString();
    }

    private static void Section(StringBuilder builder, string heading, string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            Append(builder, "**" + heading + "**\n\n" + RichText.Render(text, ContentFormat.Markdown));
        }
    }

    private static void Append(StringBuilder builder, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append("\n\n");
        }

        builder.Append(text);
    }
}
