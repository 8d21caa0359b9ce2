using System.Text.Json;
using System.Xml.Linq;
using Harrier.Reports.Tests.Csv;

namespace Harrier.Reports.Tests.Resources;

public sealed class ResourcesWriterTests
{
    [Theory]
    [InlineData(ReportType.Crawled, 3)]
    [InlineData(ReportType.Scanned, 2)]
    public void WriteJson_ListsTheResourcesSortedByUrl(ReportType type, int expected)
    {
        // Act
        var root = JsonDocument.Parse(Render.Report(TestDocuments.Sample, type, ReportFormat.Json)).RootElement;

        // Assert
        Assert.Equal(type.ToString(), root.GetProperty("List").GetString());
        Assert.Equal("af6d0ffd529e4056b39fb141021fae74", root.GetProperty("Target").GetProperty("ScanId").GetString());
        var resources = root.GetProperty("Resources").EnumerateArray().ToList();
        Assert.Equal(expected, resources.Count);
        var urls = resources.Select(r => r.GetProperty("Url").GetString()).ToList();
        Assert.Equal(urls.Order(StringComparer.Ordinal), urls);
        var login = resources.Single(r => r.GetProperty("Url").GetString()!.EndsWith("/sqli/login", StringComparison.Ordinal));
        Assert.Equal("POST", login.GetProperty("Method").GetString());
        Assert.Equal(500, login.GetProperty("StatusCode").GetInt32());
        Assert.Equal(["user", "password"], login.GetProperty("Parameters").EnumerateArray().Select(p => p.GetString()));
        Assert.True(login.GetProperty("Attacked").GetBoolean());
    }

    [Theory]
    [InlineData(ReportType.Crawled, 3)]
    [InlineData(ReportType.Scanned, 2)]
    public void WriteXml_ListsTheResources(ReportType type, int expected)
    {
        // Act
        var root = XDocument.Parse(Render.Report(TestDocuments.Sample, type, ReportFormat.Xml)).Root!;

        // Assert
        Assert.Equal(type + "Report", root.Name.LocalName);
        var resources = root.Element("Resources")!.Elements("Resource").ToList();
        Assert.Equal(expected, resources.Count);
        Assert.All(resources, r => Assert.NotNull(r.Element("Url")));
    }

    [Theory]
    [InlineData(ReportType.Crawled, 3)]
    [InlineData(ReportType.Scanned, 2)]
    public void WriteCsv_ListsTheResources(ReportType type, int expected)
    {
        // Act
        var rows = CsvParser.Parse(Render.Report(TestDocuments.Sample, type, ReportFormat.Csv));

        // Assert
        Assert.Equal(ResourcesWriter.CsvColumns, rows[0]);
        Assert.Equal(expected + 1, rows.Count);
        Assert.Contains(rows, r => r[0] == "http://127.0.0.1:5000/sqli/login" && r[4] == "user;password" && r[5] == "true");
    }

    [Theory]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Xml)]
    [InlineData(ReportFormat.Csv)]
    public void Write_HostileResource_ParsesBack(ReportFormat format)
    {
        // Act
        var text = Render.Report(Hostile.Document, ReportType.Crawled, format);

        // Assert
        switch (format)
        {
            case ReportFormat.Json:
                Assert.Equal(Hostile.Mix, JsonDocument.Parse(text).RootElement.GetProperty("Resources")[0].GetProperty("Url").GetString());
                break;
            case ReportFormat.Xml:
                Assert.Contains(Hostile.Script, XDocument.Parse(text).Root!.Descendants("Resource").Single().Element("Url")!.Value, StringComparison.Ordinal);
                break;
            default:
                Assert.Equal(2, CsvParser.Parse(text).Count);
                break;
        }
    }
}
