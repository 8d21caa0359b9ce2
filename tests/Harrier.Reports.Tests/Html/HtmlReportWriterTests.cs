using System.Text;

namespace Harrier.Reports.Tests.Html;

public sealed class HtmlReportWriterTests
{
    public static TheoryData<ReportType> HtmlTypes { get; } =
    [
        ReportType.ScanDetail, ReportType.FullScanDetail, ReportType.ExecutiveSummary, ReportType.OwaspTopTen2021,
        ReportType.OwaspTopTen2017, ReportType.OwaspTopTen2013, ReportType.SansTop25, ReportType.WASC, ReportType.Pci32,
    ];

    private static string Html(ReportType type, ReportDocument? document = null, ReportOptions? options = null) =>
        Render.Report(document ?? TestDocuments.Sample, type, ReportFormat.Html, options);

    [Theory]
    [MemberData(nameof(HtmlTypes))]
    public void Write_EveryType_IsSelfContainedWithAStrictPolicy(ReportType type)
    {
        // Act
        var html = Html(type);
        var document = HtmlAssert.Inert(html);

        // Assert
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal("utf-8", document.QuerySelector("meta[charset]")?.GetAttribute("charset"));
        var csp = HtmlAssert.ContentSecurityPolicy(document);
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", csp, StringComparison.Ordinal);
        Assert.Contains("img-src data:", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script, link, img, iframe, object, embed, base, form"));
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(HtmlTypes))]
    public void Write_EveryType_ShowsSummaryChartAndConfiguration(ReportType type)
    {
        // Act
        var document = HtmlAssert.Parse(Html(type));

        // Assert
        var chart = Assert.Single(document.QuerySelectorAll("svg"));
        Assert.Equal(6, chart.QuerySelectorAll("rect").Length);
        var text = document.Body!.TextContent;
        Assert.Contains("Findings by severity", chart.TextContent, StringComparison.Ordinal);
        Assert.Contains("Test targets", text, StringComparison.Ordinal);
        Assert.Contains("Default Security Checks", text, StringComparison.Ordinal);
        Assert.Contains("Scan configuration", text, StringComparison.Ordinal);
        Assert.Contains(@"(log|sign)\-?(out|off)", text, StringComparison.Ordinal);
        Assert.Contains("PUT", text, StringComparison.Ordinal);
        Assert.Contains("EnteredPathAndBelow", text, StringComparison.Ordinal);
        Assert.Contains("2 h 0 min", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ScanDetail_ShowsEachPresentIssueWithItsEvidence()
    {
        // Act
        var document = HtmlAssert.Parse(Html(ReportType.ScanDetail));

        // Assert
        var sections = document.QuerySelectorAll("section.vuln");
        Assert.Equal(3, sections.Length);
        Assert.DoesNotContain("Open Redirection", document.Body!.TextContent, StringComparison.Ordinal);
        var xss = sections.Single(s => s.QuerySelector("h3")!.TextContent.Contains("Cross-site Scripting", StringComparison.Ordinal));
        var text = xss.TextContent;
        foreach (var expected in new[] { "Description", "Impact", "Remediation", "CWE-79", "A03 – Injection", "A7 – Cross-Site Scripting (XSS)", "8 – Cross-site Scripting", "591" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var pres = xss.QuerySelectorAll("pre");
        Assert.Equal(2, pres.Length);
        Assert.StartsWith("GET /xss/reflected?q=%3Chrr1%3E&page=1 HTTP/1.1\r\nHost: 127.0.0.1:5000", pres[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("<hrr1>", pres[1].QuerySelector("mark")!.TextContent);
        Assert.Contains(xss.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://cwe.mitre.org/data/definitions/79.html");
    }

    [Fact]
    public void Write_FullScanDetail_IncludesAddressedIssues()
    {
        // Act
        var document = HtmlAssert.Parse(Html(ReportType.FullScanDetail));

        // Assert
        Assert.Equal(4, document.QuerySelectorAll("section.vuln").Length);
        Assert.Contains("FixedConfirmed", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_IndexLinks_PointAtDetailSections()
    {
        // Act
        var document = HtmlAssert.Parse(Html(ReportType.ScanDetail));

        // Assert
        var local = document.QuerySelectorAll("a").Where(a => a.GetAttribute("href")!.StartsWith('#')).ToList();
        Assert.Equal(3, local.Count);
        Assert.All(local, a => Assert.NotNull(document.GetElementById(a.GetAttribute("href")![1..])));
    }

    [Fact]
    public void Write_ExcludeResponseData_LeavesResponsesOut()
    {
        // Act
        var html = Html(ReportType.ScanDetail, options: new ReportOptions { ExcludeResponseData = true });

        // Assert
        Assert.DoesNotContain("You searched", html, StringComparison.Ordinal);
        Assert.DoesNotContain("error in your SQL syntax</pre>", html, StringComparison.Ordinal);
        Assert.Contains("Response data is excluded from this report.", html, StringComparison.Ordinal);
        Assert.Contains("GET /xss/reflected", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OnlyConfirmedIssues_CountsAndListsOnlyThose()
    {
        // Act
        var document = HtmlAssert.Parse(Html(ReportType.ScanDetail, options: new ReportOptions { OnlyConfirmedIssues = true }));

        // Assert
        Assert.Equal(2, document.QuerySelectorAll("section.vuln").Length);
        Assert.DoesNotContain("Possible SQL Injection", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Only confirmed issues are listed.", document.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ExecutiveSummary_GroupsByTypeWithoutEvidence()
    {
        // Act
        var document = HtmlAssert.Parse(Html(ReportType.ExecutiveSummary));

        // Assert
        Assert.Empty(document.QuerySelectorAll("pre"));
        Assert.Contains("Issues by type", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Use parameterised queries.", document.Body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportType.OwaspTopTen2021, "c-", "A03 – Injection")]
    [InlineData(ReportType.OwaspTopTen2017, "c-", "A7 – Cross-Site Scripting (XSS)")]
    [InlineData(ReportType.OwaspTopTen2013, "c-", "A1 – Injection")]
    [InlineData(ReportType.SansTop25, "c-", "79 – Improper Neutralization of Input During Web Page Generation (Cross-site Scripting)")]
    [InlineData(ReportType.WASC, "c-", "19 – SQL Injection")]
    [InlineData(ReportType.Pci32, "c-", "6.5.1 – Injection flaws, particularly SQL injection; also OS command, LDAP, XPath and other injection flaws")]
    [InlineData(ReportType.Pci32, "c-", "6.5.7 – Cross-site scripting (XSS)")]
    public void Write_ClassificationReport_GroupsIssuesUnderTheirCategory(ReportType type, string idPrefix, string heading)
    {
        // Act
        var document = HtmlAssert.Parse(Html(type));

        // Assert
        var sections = document.QuerySelectorAll("section").Where(s => s.Id?.StartsWith(idPrefix, StringComparison.Ordinal) == true).ToList();
        Assert.Contains(sections, s => s.QuerySelector("h2")!.TextContent == heading);
    }

    [Fact]
    public void Write_OwaspTopTen2021_ListsTenCategoriesAndCountsEachIssueOnce()
    {
        // Act
        var document = HtmlAssert.Parse(Html(ReportType.OwaspTopTen2021));

        // Assert
        var overview = document.QuerySelectorAll("table").Single(t => t.QuerySelector("th")?.TextContent == "Category");
        var rows = overview.QuerySelectorAll("tbody tr");
        Assert.Equal(10, rows.Length);
        Assert.Equal("2", rows[2].Children[2].TextContent);
        Assert.Equal("1", rows[0].Children[2].TextContent);
        Assert.Equal("1", rows[4].Children[2].TextContent);
        Assert.Equal(4, rows.Sum(r => int.Parse(r.Children[2].TextContent, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Write_OwaspTopTen2017_SaysHowFindingsArePlacedAndListsTheUnmapped()
    {
        // Act
        var document = HtmlAssert.Parse(Html(ReportType.OwaspTopTen2017));

        // Assert
        Assert.Contains("this list places them by their CWE", document.Body!.TextContent, StringComparison.Ordinal);
        var unmapped = document.GetElementById("c-none");
        Assert.NotNull(unmapped);
        Assert.Contains("Open Redirection", unmapped.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Stream_IsUtf8WithoutByteOrderMark()
    {
        // Arrange
        using var stream = new MemoryStream();

        // Act
        HtmlReportWriter.Write(TestDocuments.Sample with { Scan = TestDocuments.Sample.Scan with { WebsiteName = "Café ☕" } }, ReportType.ScanDetail, ReportOptions.Default, stream);

        // Assert
        var bytes = stream.ToArray();
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Contains("Café ☕", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Empty_SaysNoIssues()
    {
        // Act
        var document = HtmlAssert.Inert(Html(ReportType.ScanDetail, TestDocuments.Empty));

        // Assert
        Assert.Contains("No issues were found.", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No crawled URLs were recorded.", document.Body.TextContent, StringComparison.Ordinal);
    }
}
