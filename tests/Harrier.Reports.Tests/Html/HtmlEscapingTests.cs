namespace Harrier.Reports.Tests.Html;

/// <summary>Every HTML report fed a hostile string in every field stays inert, and shows the strings as text.</summary>
public sealed class HtmlEscapingTests
{
    public static TheoryData<ReportType, bool> Cases { get; } = Build();

    private static TheoryData<ReportType, bool> Build()
    {
        var data = new TheoryData<ReportType, bool>();
        foreach (var type in new[] { ReportType.ScanDetail, ReportType.FullScanDetail, ReportType.ExecutiveSummary, ReportType.OwaspTopTen2021,
                     ReportType.OwaspTopTen2017, ReportType.OwaspTopTen2013, ReportType.SansTop25, ReportType.WASC, ReportType.Pci32 })
        {
            data.Add(type, false);
            data.Add(type, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_HostileStringsInEveryField_ComeOutInert(ReportType type, bool excludeResponseData)
    {
        // Act
        var html = Render.Report(Hostile.Document, type, ReportFormat.Html, new ReportOptions { ExcludeResponseData = excludeResponseData });
        var document = HtmlAssert.Inert(html);

        // Assert
        var text = document.DocumentElement.TextContent;
        foreach (var hostile in new[] { Hostile.Script, Hostile.Attribute, Hostile.StyleBreak, Hostile.CdataEnd, Hostile.TitleBreak, Hostile.Svg, Hostile.Comment })
        {
            Assert.Contains(hostile, text, StringComparison.Ordinal);
        }

        Assert.Contains(Hostile.TitleBreak, document.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Single(document.QuerySelectorAll("svg"));
        Assert.Equal(1, document.QuerySelectorAll("title").Length - document.QuerySelectorAll("svg title").Length);
    }

    [Fact]
    public void Write_HostileReference_IsShownAsTextNotLinked()
    {
        // Act
        var document = HtmlAssert.Inert(Render.Report(Hostile.Document, ReportType.ScanDetail, ReportFormat.Html));

        // Assert
        var references = document.QuerySelectorAll("section.vuln ul li").Select(li => li.TextContent).ToList();
        Assert.Contains(Hostile.JavascriptUrl, references);
        Assert.DoesNotContain(document.QuerySelectorAll("section.vuln ul a"), a => a.TextContent == Hostile.JavascriptUrl);
    }
}
