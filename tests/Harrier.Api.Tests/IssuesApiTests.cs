using System.Net;
using System.Text.Json.Nodes;
using Harrier.Core.Scans;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Api.Tests;

/// <summary>
/// Issues across scans through the wire (contract §5.5, docs/issues.md): scans are launched by the API, their findings seeded in
/// storage, and they end through <c>ScanLeases.FinishAsync</c> exactly as an agent ends them. Each test scans its own port,
/// so its own website.
/// </summary>
public sealed class IssuesApiTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    [Fact]
    public async Task TwoFullScans_ListsGetHistoryAndGlobalFigures()
    {
        var a = fixture.Client();
        await WebsiteAsync(a, 11);
        var first = await CompletedScanAsync(a, "http://127.0.0.1:11/", ("Xss", "search", Severity.High), ("SqlInjection", "id", Severity.Critical));
        var second = await CompletedScanAsync(a, "http://127.0.0.1:11/", ("Xss", "search", Severity.High));

        var (status, all) = await a.GetJsonAsync("/api/1.0/issues/allissues?webSiteName=issues-11&sortType=Descending");
        var (_, todo) = await a.GetJsonAsync("/api/1.0/issues/todo?webSiteName=issues-11");
        var (_, retest) = await a.GetJsonAsync("/api/1.0/issues/waitingforretest?webSiteName=issues-11");
        var (_, highOnly) = await a.GetJsonAsync("/api/1.0/issues/allissues?webSiteName=issues-11&severity=High");
        var (_, firstDetail) = await a.GetJsonAsync($"/api/1.0/scans/detail/{first}");
        var (_, secondDetail) = await a.GetJsonAsync($"/api/1.0/scans/detail/{second}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, (int)all!["TotalItemCount"]!);
        var xss = Single(todo, "Xss");
        Assert.Equal("Present", (string?)xss["State"]);
        Assert.True((bool)xss["IsPresent"]!);
        Assert.True((bool)xss["IsTodo"]!);
        Assert.False((bool)xss["IsAddressed"]!);
        Assert.Equal(second, (string?)xss["LatestScanId"]);
        Assert.Equal("search", (string?)xss["Parameters"]![0]!["Name"]);
        var sqli = Single(retest, "SqlInjection");
        Assert.Equal("FixedUnconfirmed", (string?)sqli["State"]);
        Assert.True((bool)sqli["IsRetest"]!);
        Assert.True((bool)sqli["IsAddressed"]!);
        Assert.Equal(["Xss"], highOnly!["List"]!.AsArray().Select(i => (string?)i!["Type"]));

        var (getStatus, detail) = await a.GetJsonAsync($"/api/1.0/issues/get/{sqli.Id()}");
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal(2, detail!["History"]!.AsArray().Count);
        Assert.True(detail.AsObject().ContainsKey("LastRevivedDate"));
        Assert.True(detail.AsObject().ContainsKey("StateFixedConfirmedDate"));

        // Website-wide figures count open issues only; the latest completed full scan is the second one.
        foreach (var scan in new[] { firstDetail!, secondDetail! })
        {
            Assert.Equal(1, (int)scan["GlobalVulnerabilityHighCount"]!);
            Assert.Equal(0, (int)scan["GlobalVulnerabilityCriticalCount"]!);
            Assert.Equal("Insecure", (string?)scan["GlobalThreatLevel"]);
        }

        Assert.False((bool)firstDetail!["IsWebsiteLatestCompletedFullScanTask"]!);
        Assert.True((bool)secondDetail!["IsWebsiteLatestCompletedFullScanTask"]!);
    }

    [Fact]
    public async Task Update_IgnoresWithANote_AndReportsAndPluginLeaveItOut()
    {
        var a = fixture.Client();
        await WebsiteAsync(a, 12);
        var scan = await CompletedScanAsync(a, "http://127.0.0.1:12/", ("Xss", "q", Severity.High), ("SqlInjection", "id", Severity.Critical));
        var (_, todo) = await a.GetJsonAsync("/api/1.0/issues/todo?webSiteName=issues-12");
        var xss = Single(todo, "Xss");

        var (status, updated) = await a.PostJsonAsync("/api/1.0/issues/update", new { IssueId = xss.Id(), State = "Ignored", Note = "Only reachable by admins" });
        var (_, addressed) = await a.GetJsonAsync("/api/1.0/issues/addressedissues?webSiteName=issues-12");
        var (_, todoAfter) = await a.GetJsonAsync("/api/1.0/issues/todo?webSiteName=issues-12");
        var (_, plugin) = await a.PostJsonAsync("/api/1.0/scans/ScanInfoForPlugin", new { ScanId = scan, IgnoredVulnerabilityStateFilters = new { Ignored = true } });
        var (_, pluginAll) = await a.PostJsonAsync("/api/1.0/scans/ScanInfoForPlugin", new { ScanId = scan });
        var excluding = await TextAsync(a, $"/api/1.0/scans/report/?id={scan}&type=Vulnerabilities&format=Json&excludeAddressedIssues=true");
        var including = await TextAsync(a, $"/api/1.0/scans/report/?id={scan}&type=Vulnerabilities&format=Json");
        var scanDetail = await TextAsync(a, $"/api/1.0/scans/report/?id={scan}&type=ScanDetail&format=Html");
        var fullScanDetail = await TextAsync(a, $"/api/1.0/scans/report/?id={scan}&type=FullScanDetail&format=Html");
        var (_, scanModel) = await a.GetJsonAsync($"/api/1.0/scans/detail/{scan}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ignored", (string?)updated!["State"]);
        var last = updated["History"]!.AsArray()[^1]!;
        Assert.Equal("Only reachable by admins", (string?)last["Note"]);
        Assert.Equal("Administrator", (string?)last["Owner"]);
        Assert.Contains("from Present to Ignored", (string?)last["Message"], StringComparison.Ordinal);
        Assert.Equal([xss.Id()], addressed!["List"]!.AsArray().Select(i => i.Id()));
        Assert.Equal(["SqlInjection"], todoAfter!["List"]!.AsArray().Select(i => (string?)i!["Type"]));
        Assert.Equal("{\"Critical\":1}", plugin!["FoundedSeverityAndCounts"]!.ToJsonString());
        Assert.Equal("{\"Critical\":1,\"High\":1}", pluginAll!["FoundedSeverityAndCounts"]!.ToJsonString());
        Assert.DoesNotContain("127.0.0.1:12/Xss", excluding, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:12/Xss", including, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:12/SqlInjection", excluding, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:12/Xss", scanDetail, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:12/Xss", fullScanDetail, StringComparison.Ordinal);
        Assert.Equal(0, (int)scanModel!["GlobalVulnerabilityHighCount"]!);
        Assert.Equal(1, (int)scanModel["GlobalVulnerabilityCriticalCount"]!);

        // A later scan that finds it again keeps the user's state; Default puts it back on the to-do list.
        await CompletedScanAsync(a, "http://127.0.0.1:12/", ("Xss", "q", Severity.High));
        var (_, stillIgnored) = await a.GetJsonAsync($"/api/1.0/issues/get/{xss.Id()}");
        Assert.Equal("Ignored", (string?)stillIgnored!["State"]);
        var (_, reset) = await a.PostJsonAsync("/api/1.0/issues/update", new { IssueId = xss.Id(), State = "Default" });
        Assert.Equal("Present", (string?)reset!["State"]);
    }

    [Fact]
    public async Task AnotherUsersIssues_AreNotFound_AndNeverListed()
    {
        var a = fixture.Client();
        var b = fixture.OtherUserClient();
        await WebsiteAsync(a, 13);
        await CompletedScanAsync(a, "http://127.0.0.1:13/", ("Xss", "q", Severity.High));
        var (_, mine) = await a.GetJsonAsync("/api/1.0/issues/todo?webSiteName=issues-13");
        var issue = Single(mine, "Xss").Id();

        var (getStatus, _) = await b.GetJsonAsync($"/api/1.0/issues/get/{issue}");
        var (updateStatus, error) = await b.PostJsonAsync("/api/1.0/issues/update", new { IssueId = issue, State = "FalsePositive" });
        var texts = new List<string>();
        foreach (var list in new[] { "allissues", "todo", "waitingforretest", "addressedissues" })
        {
            var (_, page) = await b.GetJsonAsync($"/api/1.0/issues/{list}?pageSize=200");
            texts.Add(page!.ToJsonString());
        }

        Assert.Equal(HttpStatusCode.NotFound, getStatus);
        Assert.Equal(HttpStatusCode.NotFound, updateStatus);
        Assert.NotNull((string?)error!["Message"]);
        Assert.All(texts, t => Assert.DoesNotContain(issue, t, StringComparison.Ordinal));
        var (_, unchanged) = await a.GetJsonAsync($"/api/1.0/issues/get/{issue}");
        Assert.Equal("Present", (string?)unchanged!["State"]);
    }

    [Fact]
    public async Task BadInput_Is400WithMessage_AndStoresNothing()
    {
        var a = fixture.Client();
        await WebsiteAsync(a, 14);
        await CompletedScanAsync(a, "http://127.0.0.1:14/", ("Xss", "q", Severity.High));
        var (_, mine) = await a.GetJsonAsync("/api/1.0/issues/todo?webSiteName=issues-14");
        var issue = Single(mine, "Xss").Id();

        (string Path, object? Body)[] requests =
        [
            ("issues/update", new { State = "Ignored" }),
            ("issues/update", new { IssueId = issue }),
            ("issues/update", new { IssueId = issue, State = "Present", Note = "not a user state" }),
            ("issues/update", new { IssueId = issue, State = "Ignored", Note = new string('n', 4001) }),
            ("issues/update", new { IssueId = issue, State = "Ignored", AssigneeId = Guid.NewGuid() }),
            ("issues/update", new { IssueId = issue, State = "Ignored", Tags = new[] { "" } }),
            ("issues/allissues?severity=Severe", null),
            ("issues/allissues?sortType=Sideways", null),
            ("issues/allissues?lastSeenDate=yesterday", null),
            ("issues/allissues?rawDetails=maybe", null),
            ("issues/allissues?integration=Carrier", null),
            ("issues/todo?pageSize=500", null),
            ("issues/get/not-a-guid", null),
        ];
        foreach (var (path, body) in requests)
        {
            var (status, error) = body is null ? await a.GetJsonAsync("/api/1.0/" + path) : await a.PostJsonAsync("/api/1.0/" + path, body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{path} {body} answered {status}");
            Assert.False(string.IsNullOrEmpty((string?)error!["Message"]), path);
        }

        var (unknown, _) = await a.GetJsonAsync($"/api/1.0/issues/get/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        var (_, after) = await a.GetJsonAsync($"/api/1.0/issues/get/{issue}");
        Assert.Equal("Present", (string?)after!["State"]);
        Assert.Single(after["History"]!.AsArray());
        Assert.Empty(after["Tags"]!.AsArray());
    }

    [Fact]
    public async Task AllIssues_LastSeenDateInTheAccountFormat_AndAnIntegrationListsNothing()
    {
        var a = fixture.Client();
        await WebsiteAsync(a, 15);
        await CompletedScanAsync(a, "http://127.0.0.1:15/", ("Xss", "q", Severity.High));

        var (_, since2000) = await a.GetJsonAsync("/api/1.0/issues/allissues?webSiteName=issues-15&lastSeenDate=01/01/2000");
        var (_, since2999) = await a.GetJsonAsync("/api/1.0/issues/allissues?webSiteName=issues-15&lastSeenDate=01/01/2999");
        var (_, jira) = await a.GetJsonAsync("/api/1.0/issues/allissues?webSiteName=issues-15&integration=Jira");

        Assert.Equal(1, (int)since2000!["TotalItemCount"]!);
        Assert.Equal(0, (int)since2999!["TotalItemCount"]!);
        Assert.Equal(0, (int)jira!["TotalItemCount"]!);
    }

    [Fact]
    public async Task Report_IsCsvWithTheChosenSeparator_AndRefusesBadFilters()
    {
        var a = fixture.Client();
        await WebsiteAsync(a, 16);
        await CompletedScanAsync(a, "http://127.0.0.1:16/", ("Xss", "q;x", Severity.High), ("SqlInjection", "id", Severity.Critical));

        var semicolon = await TextAsync(a, "/api/1.0/issues/report?webSiteName=issues-16&csvSeparator=Semicolon");
        var highOnly = await TextAsync(a, "/api/1.0/issues/report?webSiteName=issues-16&severity=High&startDate=01/01/2000&endDate=01/01/2999");
        var (unknownWebsite, notFound) = await a.GetJsonAsync("/api/1.0/issues/report?webSiteName=nowhere");
        var (badSeparator, _) = await a.GetJsonAsync("/api/1.0/issues/report?csvSeparator=Colon");
        var (badDate, _) = await a.GetJsonAsync("/api/1.0/issues/report?startDate=2000-13-45");
        var (reversed, _) = await a.GetJsonAsync("/api/1.0/issues/report?startDate=02/01/2000&endDate=01/01/2000");
        var others = await TextAsync(fixture.OtherUserClient(), "/api/1.0/issues/report");

        var lines = semicolon.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id;Website;Url;Type;Title;Severity;State", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(";issues-16;http://127.0.0.1:16/Xss;Xss;", StringComparison.Ordinal) && l.Contains(";\"q;x\";", StringComparison.Ordinal));
        Assert.Equal(2, highOnly.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(",High,Present,", highOnly, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownWebsite);
        Assert.NotNull((string?)notFound!["Message"]);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [badSeparator, badDate, reversed]);
        Assert.DoesNotContain("127.0.0.1:16", others, StringComparison.Ordinal);
    }

    /// <summary>Registers the website of <c>http://127.0.0.1:{port}/</c> as <c>issues-{port}</c>, so the lists can filter on it.</summary>
    private static async Task WebsiteAsync(HttpClient client, int port)
    {
        var (status, body) = await client.PostJsonAsync("/api/1.0/websites/new", new { RootUrl = $"http://127.0.0.1:{port}/", Name = $"issues-{port}" });
        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
    }

    private static JsonNode Single(JsonNode? page, string type) => page!["List"]!.AsArray().Single(i => (string?)i!["Type"] == type)!;

    private static async Task<string> TextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Api.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Api.Ct);
    }

    /// <summary>Launches a full scan, gives it these findings (URL = target + type) and completes it as an agent would.</summary>
    private async Task<string> CompletedScanAsync(HttpClient client, string target, params (string Type, string Parameter, Severity Severity)[] findings) =>
        (await fixture.CompleteWithFindingsAsync(Guid.Parse((await client.LaunchAsync(target)).Id()), target, findings)).ToString();
}
