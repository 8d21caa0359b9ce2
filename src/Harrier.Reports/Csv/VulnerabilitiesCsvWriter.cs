using System.Globalization;
using Harrier.Reports.Formatting;

namespace Harrier.Reports;

/// <summary>The Vulnerabilities report as CSV (RFC 4180, UTF-8, header row), one row per issue; no raw request or response.</summary>
public static class VulnerabilitiesCsvWriter
{
    /// <summary>The header row, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "LookupId", "Name", "Type", "Severity", "Confirmed", "Certainty", "State", "Url", "Method",
        "Parameter", "ParameterType", "Payload", "Proof", "ResponseStatusCode", "Cwe", "Capec", "Wasc",
        "OwaspTopTen2021", "FirstSeenDate", "LastSeenDate",
    ];

    public static void Write(ReportDocument document, ReportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        using var text = CsvOutput.CreateWriter(output);
        var csv = new CsvOutput(text);
        csv.Row(Columns);
        foreach (var v in VulnerabilityFilter.Apply(document, options))
        {
            csv.Row(
                v.Id.ToString("D"), v.Title, v.Type, v.Severity.ToString(), v.IsConfirmed ? "true" : "false",
                Math.Clamp(v.Certainty, 0, 100).ToString(CultureInfo.InvariantCulture), v.State, v.Url, v.Method,
                v.ParameterName, v.ParameterLocation, v.Payload, v.Proof,
                v.ResponseStatusCode?.ToString(CultureInfo.InvariantCulture), v.Classification.Cwe, v.Classification.Capec,
                v.Classification.Wasc, Taxonomies.OwaspTopTen.CategoryOf(v.Classification, 2021),
                v.FirstSeen is { } first ? options.FormatDate(first) : "", v.LastSeen is { } last ? options.FormatDate(last) : "");
        }
    }
}
