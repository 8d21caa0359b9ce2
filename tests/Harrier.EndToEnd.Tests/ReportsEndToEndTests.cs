using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Harrier.Api.Tests;

namespace Harrier.EndToEnd.Tests;

/// <summary><c>GET /api/1.0/scans/report/</c> (contract §2.21) for a finished scan of the test target, every type and format.</summary>
public sealed class ReportsEndToEndTests(FinishedScanFixture fixture) : IClassFixture<FinishedScanFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ScanDetail")]
    [InlineData("FullScanDetail")]
    [InlineData("ExecutiveSummary")]
    [InlineData("OwaspTopTen2021")]
    [InlineData("OwaspTopTen2017")]
    [InlineData("OwaspTopTen2013")]
    [InlineData("SansTop25")]
    [InlineData("WASC")]
    [InlineData("PCICompliance")]
    [InlineData("Pci32")]
    public async Task HtmlReports_AreExactlyTextHtml_SelfContained_AndRenderHostileEvidenceInert(string type)
    {
        // Jenkins' casing and the trailing slash it uses
        using var response = await fixture.Client().GetAsync($"/api/1.0/scans/report/?Type={type}&Format=Html&Id={fixture.ScanId}", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.GetValues("Content-Type").Single());
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        if (type is "ScanDetail" or "FullScanDetail")
        {
            Assert.Contains("Cross-site Scripting", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task VulnerabilitiesJson_FollowsTheInvictiLayout_AndHonoursExcludeResponseData()
    {
        var (status, report) = await fixture.Client().GetJsonAsync($"/api/1.0/scans/report?id={fixture.ScanId}&type=Vulnerabilities&format=Json");
        var (_, withoutResponses) = await fixture.Client().GetJsonAsync(
            $"/api/1.0/scans/report?id={fixture.ScanId}&type=Vulnerabilities&format=Json&excludeResponseData=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Guid.Parse(fixture.ScanId).ToString("N"), (string?)report!["Target"]!["ScanId"]);
        var vulnerabilities = report["Vulnerabilities"]!.AsArray();
        Assert.NotEmpty(vulnerabilities);
        var xss = vulnerabilities.First(v => (string?)v!["Type"] == "Xss" && ((string)v["Url"]!).Contains("/vuln/xss/html", StringComparison.Ordinal))!;
        Assert.Equal("q", (string?)xss["HttpRequest"]!["Parameters"]![0]!["Name"]);
        Assert.StartsWith("GET /vuln/xss/html", (string)xss["HttpRequest"]!["Content"]!, StringComparison.Ordinal);
        Assert.NotNull((string?)xss["HttpResponse"]!["Content"]);
        Assert.All(withoutResponses!["Vulnerabilities"]!.AsArray(), v => Assert.Null(v!["HttpResponse"]?["Content"]?.GetValue<string>()));
    }

    [Theory]
    [InlineData("Vulnerabilities", "Xml", "application/xml")]
    [InlineData("Vulnerabilities", "Csv", "text/csv")]
    [InlineData("Vulnerabilities", "JUnit", "application/xml")]
    [InlineData("Vulnerabilities", "Sarif", "application/sarif+json")]
    [InlineData("Crawled", "Xml", "application/xml")]
    [InlineData("Crawled", "Csv", "text/csv")]
    [InlineData("Crawled", "Json", "application/json")]
    [InlineData("Scanned", "Xml", "application/xml")]
    [InlineData("Scanned", "Csv", "text/csv")]
    [InlineData("Scanned", "Json", "application/json")]
    public async Task DataReports_ParseAndCarryTheFindings(string type, string format, string contentType)
    {
        using var response = await fixture.Client().GetAsync($"/api/1.0/scans/report/?id={fixture.ScanId}&type={type}&format={format}", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        switch (format)
        {
            case "Xml" or "JUnit":
                var xml = XDocument.Parse(text);
                Assert.True(xml.Descendants().Count() > 3);
                break;
            case "Json" or "Sarif":
                var json = JsonNode.Parse(text)!;
                if (format == "Sarif")
                {
                    Assert.Equal("2.1.0", (string?)json["version"]);
                    Assert.NotEmpty(json["runs"]![0]!["results"]!.AsArray());
                }

                break;
            default:
                Assert.True(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 2);
                break;
        }

        if (type == "Vulnerabilities")
        {
            Assert.Contains("/vuln/xss/html", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("/vuln/", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("type=Vulnerabilities&format=Html", HttpStatusCode.BadRequest)]
    [InlineData("type=ScanDetail&format=Json", HttpStatusCode.BadRequest)]
    [InlineData("type=Nonsense&format=Html", HttpStatusCode.BadRequest)]
    [InlineData("type=ScanDetail&format=Docx", HttpStatusCode.BadRequest)]
    [InlineData("type=ScanDetail&format=3", HttpStatusCode.BadRequest)]
    [InlineData("type=HIPAACompliance&format=Html", HttpStatusCode.BadRequest)]
    [InlineData("type=ScanDetail&format=Html&onlyConfirmedIssues=true&onlyUnconfirmedIssues=true", HttpStatusCode.BadRequest)]
    [InlineData("type=ScanDetail&format=Html&excludeResponseData=maybe", HttpStatusCode.BadRequest)]
    public async Task BadCombinations_Are400WithAJsonMessage(string query, HttpStatusCode expected)
    {
        using var response = await fixture.Client().GetAsync($"/api/1.0/scans/report/?id={fixture.ScanId}&{query}", Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.NotNull((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["Message"]);
    }

    [Fact]
    public async Task UnknownForeignUnfinishedScansAndPdf_AnswerJsonMessages()
    {
        var client = fixture.Client();
        var queued = await client.LaunchAsync("http://127.0.0.1:9/not-finished/", new { TimeWindow = new { Items = AllDaysForbidden() } });

        var (unknown, _) = await client.GetJsonAsync($"/api/1.0/scans/report/?id={Guid.NewGuid()}&type=ScanDetail&format=Html");
        var (foreign, _) = await fixture.OtherUserClient().GetJsonAsync($"/api/1.0/scans/report/?id={fixture.ScanId}&type=ScanDetail&format=Html");
        using var unfinished = await client.GetAsync($"/api/1.0/scans/report/?id={queued.Id()}&type=ExecutiveSummary&format=Html", Ct);
        using var pdf = await client.GetAsync($"/api/1.0/scans/report/?id={fixture.ScanId}&type=ExecutiveSummary&format=Pdf", Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.NotFound, foreign);
        Assert.Equal(HttpStatusCode.BadRequest, unfinished.StatusCode);
        Assert.NotEqual("text/html", unfinished.Content.Headers.ContentType!.MediaType);
        Assert.Contains("not ready", await unfinished.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        if (Harrier.Server.Reports.PdfRenderer.BrowserPath is null)
        {
            Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
            Assert.Contains("chromium", await pdf.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(Ct))[..4], StringComparison.Ordinal);
        }

        await client.PostJsonAsync("/api/1.0/scans/cancel", $"\"{queued.Id()}\"");
    }

    private static object[] AllDaysForbidden() =>
        [.. Enum.GetNames<DayOfWeek>().Select(day => new { Day = day, From = "00:00", To = "00:00", ScanningAllowed = false })];
}
