namespace Harrier.Scanning;

/// <summary>One report to fetch after a scan: a <c>scans/report</c> type and format, written to <see cref="Path"/> (null: stdout).</summary>
internal sealed record ReportTarget(string Name, string Type, string Format, string? Path)
{
    /// <summary>The <c>--format</c> names of <c>harrier scan</c> and <c>scans wait</c>, and the report each fetches.</summary>
    public static readonly IReadOnlyDictionary<string, (string Type, string Format)> Formats =
        new Dictionary<string, (string Type, string Format)>(StringComparer.OrdinalIgnoreCase)
        {
            ["html"] = ("ScanDetail", "Html"),
            ["json"] = ("Vulnerabilities", "Json"),
            ["sarif"] = ("Vulnerabilities", "Sarif"),
            ["junit"] = ("Vulnerabilities", "JUnit"),
            ["xml"] = ("Vulnerabilities", "Xml"),
            ["csv"] = ("Vulnerabilities", "Csv"),
        };

    public string Destination => Path ?? "stdout";
}
