using System.Net;
using Harrier.Api.Tests;

namespace Harrier.EndToEnd.Tests;

/// <summary>
/// A real scan of the test target, completed by a real agent, becomes the website's issues (docs/issues.md): one per finding,
/// all Present, and the website-wide figures of the scan model are those issues.
/// </summary>
public sealed class IssuesEndToEndTests(FinishedScanFixture fixture) : IClassFixture<FinishedScanFixture>
{
    [Fact]
    public async Task ACompletedScan_BecomesTheWebsitesIssues_AndItsGlobalFigures()
    {
        var (_, findings) = await fixture.Client().GetJsonAsync($"/api/1.0/scans/result/{fixture.ScanId}");
        var (_, detail) = await fixture.Client().GetJsonAsync($"/api/1.0/scans/detail/{fixture.ScanId}");
        var (status, issues) = await fixture.Client().GetJsonAsync("/api/1.0/issues/allissues?pageSize=200");
        var (_, others) = await fixture.OtherUserClient().GetJsonAsync("/api/1.0/issues/allissues?pageSize=200");

        Assert.Equal(HttpStatusCode.OK, status);
        var list = issues!["List"]!.AsArray();
        Assert.NotEmpty(list);
        Assert.Equal(findings!.AsArray().Count, (int)issues["TotalItemCount"]!);
        Assert.All(list, i =>
        {
            Assert.Equal("Present", (string?)i!["State"]);
            Assert.Equal(fixture.ScanId, (string?)i["LatestScanId"]);
            Assert.Single(i["History"]!.AsArray());
        });
        Assert.True((bool)detail!["IsWebsiteLatestCompletedFullScanTask"]!);
        foreach (var severity in new[] { "Critical", "High", "Medium", "Low", "Info", "BestPractice" })
        {
            Assert.Equal((int)detail[$"Vulnerability{severity}Count"]!, (int)detail[$"GlobalVulnerability{severity}Count"]!);
        }

        Assert.Equal((string?)detail["ThreatLevel"], (string?)detail["GlobalThreatLevel"]);
        Assert.Equal(0, (int)others!["TotalItemCount"]!);
    }
}
