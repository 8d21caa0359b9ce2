namespace Harrier.Reports.Tests.Csv;

public sealed class VulnerabilitiesCsvWriterTests
{
    private static List<List<string>> Write(ReportDocument document, ReportOptions? options = null) =>
        CsvParser.Parse(Render.Report(document, ReportType.Vulnerabilities, ReportFormat.Csv, options));

    [Fact]
    public void Write_Sample_HasAHeaderAndOneRowPerIssue()
    {
        // Act
        var rows = Write(TestDocuments.Sample);

        // Assert
        Assert.Equal(VulnerabilitiesCsvWriter.Columns, rows[0]);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(VulnerabilitiesCsvWriter.Columns.Count, r.Count));
        var xss = rows[2].Zip(rows[0]).ToDictionary(p => p.Second, p => p.First);
        Assert.Equal("Xss", xss["Type"]);
        Assert.Equal("q", xss["Parameter"]);
        Assert.Equal("Query", xss["ParameterType"]);
        Assert.Equal("<hrr1>", xss["Payload"]);
        Assert.Equal("79", xss["Cwe"]);
        Assert.Equal("A03", xss["OwaspTopTen2021"]);
        Assert.Equal("200", xss["ResponseStatusCode"]);
    }

    [Fact]
    public void Write_OnlyConfirmed_IsHonoured()
    {
        // Act
        var rows = Write(TestDocuments.Sample, new ReportOptions { OnlyConfirmedIssues = true });

        // Assert
        Assert.Equal(4, rows.Count);
        Assert.DoesNotContain(rows, r => r[2] == "PossibleSqlInjection");
    }

    [Fact]
    public void Write_HostileStrings_StayOneFieldEachAndFormulasAreDefused()
    {
        // Arrange
        var document = TestDocuments.Sample with
        {
            Vulnerabilities = [TestDocuments.Xss with { Title = Hostile.Formula, Payload = "a,\"b\"\r\nc", Proof = "@SUM(1)" }],
        };

        // Act
        var rows = Write(document);

        // Assert
        Assert.Equal(2, rows.Count);
        var row = rows[1].Zip(rows[0]).ToDictionary(p => p.Second, p => p.First);
        Assert.Equal("'" + Hostile.Formula, row["Name"]);
        Assert.Equal("a,\"b\"\r\nc", row["Payload"]);
        Assert.Equal("'@SUM(1)", row["Proof"]);
    }
}
