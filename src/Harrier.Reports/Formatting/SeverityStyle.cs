using Harrier.Core.Scans;

namespace Harrier.Reports.Formatting;

/// <summary>How each severity is named, coloured and scored across the formats.</summary>
internal static class SeverityStyle
{
    /// <summary>Most severe first: the order of summaries and charts.</summary>
    public static IReadOnlyList<Severity> Descending { get; } =
        [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Information, Severity.BestPractice];

    public static string Label(Severity severity) => severity switch
    {
        Severity.BestPractice => "Best Practice",
        _ => severity.ToString(),
    };

    /// <summary>A colour that reads on white, with enough contrast for white text on it.</summary>
    public static string Colour(Severity severity) => severity switch
    {
        Severity.Critical => "#7b1fa2",
        Severity.High => "#c62828",
        Severity.Medium => "#e65100",
        Severity.Low => "#1565c0",
        Severity.Information => "#455a64",
        _ => "#2e7d32",
    };

    /// <summary>SARIF <c>level</c>.</summary>
    public static string SarifLevel(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>The <c>security-severity</c> score code-scanning dashboards sort by (0.0–10.0, as a string).</summary>
    public static string SecurityScore(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => "0.0",
    };

    public static int Count(Harrier.Core.Scans.SeverityCounts counts, Severity severity) => severity switch
    {
        Severity.Critical => counts.Critical,
        Severity.High => counts.High,
        Severity.Medium => counts.Medium,
        Severity.Low => counts.Low,
        Severity.Information => counts.Information,
        _ => counts.BestPractice,
    };
}
