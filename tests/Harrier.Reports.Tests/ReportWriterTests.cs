using Harrier.Core.Scans;

namespace Harrier.Reports.Tests;

public sealed class ReportWriterTests
{
    [Theory]
    [InlineData(ReportType.Vulnerabilities, ReportFormat.Json, true)]
    [InlineData(ReportType.Vulnerabilities, ReportFormat.Xml, true)]
    [InlineData(ReportType.Vulnerabilities, ReportFormat.Csv, true)]
    [InlineData(ReportType.Vulnerabilities, ReportFormat.Sarif, true)]
    [InlineData(ReportType.Vulnerabilities, ReportFormat.JUnit, true)]
    [InlineData(ReportType.Vulnerabilities, ReportFormat.Html, false)]
    [InlineData(ReportType.Crawled, ReportFormat.Json, true)]
    [InlineData(ReportType.Scanned, ReportFormat.Csv, true)]
    [InlineData(ReportType.Scanned, ReportFormat.Sarif, false)]
    [InlineData(ReportType.ScanDetail, ReportFormat.Html, true)]
    [InlineData(ReportType.ScanDetail, ReportFormat.Json, false)]
    [InlineData(ReportType.WASC, ReportFormat.Html, true)]
    [InlineData(ReportType.ExecutiveSummary, ReportFormat.Pdf, false)]
    public void Supports_KnowsEachCombination(ReportType type, ReportFormat format, bool expected)
    {
        // Act & Assert
        Assert.Equal(expected, ReportWriter.Supports(type, format));
    }

    [Fact]
    public void Write_EverySupportedCombination_ProducesOutput()
    {
        foreach (var type in Enum.GetValues<ReportType>())
        {
            foreach (var format in Enum.GetValues<ReportFormat>().Where(f => ReportWriter.Supports(type, f)))
            {
                Assert.NotEmpty(Render.Report(TestDocuments.Sample, type, format));
            }
        }
    }

    [Fact]
    public void Write_UnsupportedCombination_Throws()
    {
        // Act & Assert
        Assert.Throws<ArgumentException>(() => Render.Report(TestDocuments.Sample, ReportType.ScanDetail, ReportFormat.Pdf));
    }

    [Fact]
    public async Task WriteAsync_CopiesTheRenderedReport()
    {
        // Arrange
        using var output = new MemoryStream();

        // Act
        await ReportWriter.WriteAsync(TestDocuments.Sample, ReportType.Vulnerabilities, ReportFormat.Json, ReportOptions.Default, output, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(Render.Report(TestDocuments.Sample, ReportType.Vulnerabilities, ReportFormat.Json), System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }

    [Theory]
    [InlineData(Severity.Critical, true)]
    [InlineData(Severity.High, true)]
    public void HasIssuesAtOrAbove_FollowsTheFilters(Severity threshold, bool expected)
    {
        // Act & Assert
        Assert.Equal(expected, ReportWriter.HasIssuesAtOrAbove(TestDocuments.Sample, ReportOptions.Default, threshold));
        Assert.False(ReportWriter.HasIssuesAtOrAbove(TestDocuments.Sample, new ReportOptions { OnlyConfirmedIssues = true }, Severity.Critical));
    }

    [Theory]
    [InlineData(ReportFormat.Html, "text/html")]
    [InlineData(ReportFormat.Json, "application/json; charset=utf-8")]
    [InlineData(ReportFormat.Xml, "application/xml; charset=utf-8")]
    [InlineData(ReportFormat.Csv, "text/csv; charset=utf-8")]
    [InlineData(ReportFormat.Sarif, "application/sarif+json")]
    [InlineData(ReportFormat.JUnit, "application/xml; charset=utf-8")]
    [InlineData(ReportFormat.Pdf, "application/pdf")]
    public void ContentTypes_ForEachFormat(ReportFormat format, string expected)
    {
        // Act & Assert
        Assert.Equal(expected, ReportContentTypes.For(format));
        Assert.NotEmpty(ReportContentTypes.FileExtension(format));
    }
}
