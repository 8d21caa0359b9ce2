namespace Harrier.Reports.Tests;

/// <summary>
/// The deterministic formats, rendered from the fixed sample scan and compared byte for byte with the files in Golden/.
/// A deliberate format change regenerates them: HARRIER_UPDATE_GOLDEN=1 dotnet test --project tests/Harrier.Reports.Tests,
/// then review the diff like any code change.
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<ReportType, ReportFormat, string> Cases => new()
    {
        { ReportType.Vulnerabilities, ReportFormat.Json, "vulnerabilities.json" },
        { ReportType.Vulnerabilities, ReportFormat.Xml, "vulnerabilities.xml" },
        { ReportType.Vulnerabilities, ReportFormat.Csv, "vulnerabilities.csv" },
        { ReportType.Vulnerabilities, ReportFormat.Sarif, "vulnerabilities.sarif" },
        { ReportType.Vulnerabilities, ReportFormat.JUnit, "vulnerabilities.junit.xml" },
        { ReportType.Crawled, ReportFormat.Json, "crawled.json" },
        { ReportType.Crawled, ReportFormat.Xml, "crawled.xml" },
        { ReportType.Scanned, ReportFormat.Csv, "scanned.csv" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_MatchesTheGoldenFile(ReportType type, ReportFormat format, string file)
    {
        var actual = Render.Report(TestDocuments.Sample, type, format).ReplaceLineEndings("\n");
        var source = Path.Combine(SourceDirectory(), "Golden", file);
        if (Environment.GetEnvironmentVariable("HARRIER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(source, actual);
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", file)).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
