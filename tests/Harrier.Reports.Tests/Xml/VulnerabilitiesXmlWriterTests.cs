using System.Xml.Linq;

namespace Harrier.Reports.Tests.Xml;

public sealed class VulnerabilitiesXmlWriterTests
{
    private static XElement Write(ReportDocument document, ReportOptions? options = null) =>
        XDocument.Parse(Render.Report(document, ReportType.Vulnerabilities, ReportFormat.Xml, options)).Root!;

    [Fact]
    public void Write_Sample_MirrorsTheJsonLayout()
    {
        // Act
        var root = Write(TestDocuments.Sample);

        // Assert
        Assert.Equal("VulnerabilitiesReport", root.Name.LocalName);
        Assert.Equal("af6d0ffd529e4056b39fb141021fae74", root.Element("Target")!.Element("ScanId")!.Value);
        var vulnerabilities = root.Element("Vulnerabilities")!.Elements("Vulnerability").ToList();
        Assert.Equal(4, vulnerabilities.Count);
        var xss = vulnerabilities[1];
        Assert.Equal("Xss", xss.Element("Type")!.Value);
        Assert.Equal("High", xss.Element("Severity")!.Value);
        Assert.Equal("true", xss.Element("Confirmed")!.Value);
        Assert.Equal("79", xss.Element("Classification")!.Element("Cwe")!.Value);
        Assert.Equal(TestDocuments.Xss.RawRequest, xss.Element("HttpRequest")!.Element("Content")!.Value);
        var parameters = xss.Element("HttpRequest")!.Element("Parameters")!.Elements("Parameter").ToList();
        Assert.Equal("q", parameters[0].Attribute("Name")!.Value);
        Assert.Equal("<hrr1>", parameters[0].Attribute("Value")!.Value);
        Assert.Equal("Query", parameters[0].Attribute("Type")!.Value);
        Assert.Contains("You searched", xss.Element("HttpResponse")!.Element("Content")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("<p>", xss.Element("Description")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ExcludeResponseData_DropsResponseContent()
    {
        // Act
        var root = Write(TestDocuments.Sample, new ReportOptions { ExcludeResponseData = true });

        // Assert
        Assert.All(root.Descendants("HttpResponse"), r => Assert.Null(r.Element("Content")));
        Assert.All(root.Descendants("HttpResponse"), r => Assert.NotNull(r.Element("StatusCode")));
    }

    [Fact]
    public void Write_OnlyUnconfirmed_AndMarkdown_AreHonoured()
    {
        // Act
        var root = Write(TestDocuments.Sample, new ReportOptions { OnlyUnconfirmedIssues = true, ContentFormat = ContentFormat.Markdown });

        // Assert
        var only = Assert.Single(root.Descendants("Vulnerability"));
        Assert.Equal("PossibleSqlInjection", only.Element("Type")!.Value);
        Assert.Equal("A database error appeared when a quote was sent.", only.Element("Description")!.Value);
    }

    [Fact]
    public void Write_HostileStrings_StayWellFormedAndRoundTrip()
    {
        // Act
        var root = Write(Hostile.Document);

        // Assert
        var first = root.Descendants("Vulnerability").First();
        var expected = Hostile.Mix.Replace("\u0000", "\uFFFD", StringComparison.Ordinal).Replace("\u0007", "\uFFFD", StringComparison.Ordinal).Replace("\u001b", "\uFFFD", StringComparison.Ordinal);
        Assert.Equal(expected, first.Element("Name")!.Value);
        Assert.Equal(expected, first.Element("HttpRequest")!.Element("Parameters")!.Elements("Parameter").First().Attribute("Value")!.Value);
        Assert.Contains(Hostile.CdataEnd, first.Element("HttpRequest")!.Element("Content")!.Value, StringComparison.Ordinal);
    }
}
