using System.Xml.Linq;
using Harrier.Core.Scans;

namespace Harrier.Reports.Tests.JUnit;

public sealed class JUnitWriterTests
{
    private static XDocument Write(ReportDocument document, ReportOptions? options = null) =>
        XDocument.Parse(Render.Report(document, ReportType.Vulnerabilities, ReportFormat.JUnit, options));

    [Fact]
    public void Write_Sample_HasOneSuiteAndOneCasePerTypeAndUrl()
    {
        // Act
        var xml = Write(TestDocuments.Sample);

        // Assert
        var suites = xml.Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        var suite = Assert.Single(suites.Elements("testsuite"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(4, cases.Count);
        Assert.Equal("4", suite.Attribute("tests")!.Value);
        Assert.Equal("Harrier scan of http://127.0.0.1:5000/", suite.Attribute("name")!.Value);
        Assert.Equal("2024-03-28T09:53:50", suite.Attribute("timestamp")!.Value);
        Assert.Equal("41.397", suite.Attribute("time")!.Value);
        Assert.Equal("127.0.0.1", suite.Attribute("hostname")!.Value);
        Assert.Equal("harrier.PossibleSqlInjection", cases[0].Attribute("classname")!.Value);
        Assert.All(cases, c => Assert.NotNull(c.Attribute("name")));
        Assert.Contains(suite.Element("properties")!.Elements("property"), p => p.Attribute("name")!.Value == "scanId" && p.Attribute("value")!.Value == TestDocuments.ScanId.ToString());
    }

    [Fact]
    public void Write_DefaultThreshold_FailsHighAndCriticalOnly()
    {
        // Act
        var suite = Write(TestDocuments.Sample).Root!.Element("testsuite")!;

        // Assert
        var failed = suite.Elements("testcase").Where(c => c.Element("failure") is not null).ToList();
        Assert.Equal(["harrier.PossibleSqlInjection", "harrier.Xss"], failed.Select(c => c.Attribute("classname")!.Value));
        Assert.Equal("2", suite.Attribute("failures")!.Value);
        Assert.Equal("2", suite.Parent!.Attribute("failures")!.Value);
        var failure = failed[1].Element("failure")!;
        Assert.Equal("Xss", failure.Attribute("type")!.Value);
        Assert.StartsWith("High: Cross-site Scripting at ", failure.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Contains("Parameter: q (Query)", failure.Value, StringComparison.Ordinal);
        Assert.Contains("Payload: <hrr1>", failure.Value, StringComparison.Ordinal);
        Assert.NotNull(suite.Elements("testcase").Last().Element("system-out"));
    }

    [Theory]
    [InlineData(Severity.Critical, 1)]
    [InlineData(Severity.Medium, 3)]
    [InlineData(Severity.BestPractice, 4)]
    public void Write_Threshold_IsConfigurable(Severity threshold, int expectedFailures)
    {
        // Act
        var suite = Write(TestDocuments.Sample, new ReportOptions { FailureThreshold = threshold }).Root!.Element("testsuite")!;

        // Assert
        Assert.Equal(expectedFailures, suite.Elements("testcase").Count(c => c.Element("failure") is not null));
        Assert.Equal(expectedFailures.ToString(System.Globalization.CultureInfo.InvariantCulture), suite.Attribute("failures")!.Value);
    }

    [Fact]
    public void Write_NoIssues_HasOnePassingCase()
    {
        // Act
        var suite = Write(TestDocuments.Empty).Root!.Element("testsuite")!;

        // Assert
        var testCase = Assert.Single(suite.Elements("testcase"));
        Assert.Null(testCase.Element("failure"));
        Assert.Equal("0", suite.Attribute("failures")!.Value);
    }

    [Fact]
    public void Write_HostileStrings_StayWellFormed()
    {
        // Act
        var xml = Write(Hostile.Document);

        // Assert
        var failure = xml.Descendants("failure").First();
        Assert.Contains(Hostile.CdataEnd, failure.Value, StringComparison.Ordinal);
        Assert.Contains(Hostile.Script, failure.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Contains("nul\uFFFDbell\uFFFDesc\uFFFD", failure.Value, StringComparison.Ordinal);
    }
}
