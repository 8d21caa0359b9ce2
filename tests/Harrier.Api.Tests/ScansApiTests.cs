using System.Net;
using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Api.Tests;

/// <summary>Contract §2.1–§2.20 beyond newfromscan: launches, lists, status, control and deletion.</summary>
public sealed class ScansApiTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    private string Target(string name) => $"http://127.0.0.1:9/{name}-{Guid.NewGuid():N}/";

    [Fact]
    public async Task New_RegistersTheWebsiteOfAnUnknownTarget_AndAnswersAnArray()
    {
        var target = Target("register");
        var (status, created) = await fixture.Client().PostJsonAsync("/api/1.0/scans/new", new { TargetUri = target });

        Assert.Equal(HttpStatusCode.Created, status);
        var scan = Assert.Single(created!.AsArray())!;
        Assert.Equal("http://127.0.0.1:9/", (string?)scan["WebsiteUrl"]);
        Assert.Equal(target, (string?)scan["TargetUrl"]);
        Assert.Equal(new Uri(target).AbsolutePath, (string?)scan["TargetPath"]);
    }

    [Fact]
    public async Task List_PagesNewestFirst_WithPagedListMetadata()
    {
        var client = fixture.OtherUserClient();
        var first = await client.LaunchAsync(Target("page"));
        var second = await client.LaunchAsync(Target("page"));
        var third = await client.LaunchAsync(Target("page"));

        var (_, page1) = await client.GetJsonAsync("/api/1.0/scans/list?page=1&pageSize=2");
        var (_, page2) = await client.GetJsonAsync("/api/1.0/scans/list?page=2&pageSize=2");
        var total = (int)page1!["TotalItemCount"]!;

        Assert.True(total >= 3);
        Assert.Equal(third.Id(), page1["List"]![0]!.Id());
        Assert.Equal(second.Id(), page1["List"]![1]!.Id());
        Assert.Equal(first.Id(), page2!["List"]![0]!.Id());
        Assert.Equal((true, false, true, 1, 2), ((bool)page1["IsFirstPage"]!, (bool)page1["HasPreviousPage"]!, (bool)page1["HasNextPage"]!,
            (int)page1["FirstItemOnPage"]!, (int)page1["LastItemOnPage"]!));
        Assert.Equal((int)Math.Ceiling(total / 2.0), (int)page2["PageCount"]!);
        Assert.Equal(3, (int)page2["FirstItemOnPage"]!);
    }

    [Fact]
    public async Task List_TotalItemCount_FollowsLaunchesAndDeletesAtOnce()
    {
        var client = fixture.OtherUserClient();
        async Task<int> TotalAsync() => (int)(await client.GetJsonAsync("/api/1.0/scans/list?pageSize=1")).Body!["TotalItemCount"]!;
        var before = await TotalAsync();

        var launched = await client.LaunchAsync(Target("count"));
        Assert.Equal(before + 1, await TotalAsync());
        await client.RelaunchAsync(launched.Id());
        Assert.Equal(before + 2, await TotalAsync());
        Assert.Equal("Ok", (await client.PostJsonAsync("/api/1.0/scans/delete", $"[\"{launched.Id()}\"]")).Body!.GetValue<string>());
        Assert.Equal(before + 1, await TotalAsync());
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=201")]
    [InlineData("page=0")]
    [InlineData("page=abc")]
    public async Task List_PagingOutOfRange_Is400(string query)
    {
        var (status, error) = await fixture.Client().GetJsonAsync("/api/1.0/scans/list?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull((string?)error!["Message"]);
    }

    [Fact]
    public async Task ListByState_FiltersByStateTargetAndDate()
    {
        var client = fixture.Client();
        var target = Target("bystate");
        var queued = await client.LaunchAsync(target);
        var cancelled = await client.LaunchAsync(target);
        await client.PostJsonAsync("/api/1.0/scans/cancel", $"\"{cancelled.Id()}\"");
        var criteria = Uri.EscapeDataString(new Uri(target).AbsolutePath.ToUpperInvariant());
        var yesterday = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1).ToString("MM/dd/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        var (_, queuedPage) = await client.GetJsonAsync($"/api/1.0/scans/listbystate?scanTaskState=Queued&targetUrlCriteria={criteria}");
        var (_, cancelledPage) = await client.GetJsonAsync($"/api/1.0/scans/listbystate?scanTaskState=cancelled&targetUrlCriteria={criteria}&startDate={Uri.EscapeDataString(yesterday)}");
        var (_, changedPage) = await client.GetJsonAsync($"/api/1.0/scans/listbystatechanged?startDate={Uri.EscapeDataString(yesterday)}&endDate=2999-01-01T00:00:00Z&pageSize=200");
        var (badStatus, _) = await client.GetJsonAsync("/api/1.0/scans/listbystate?scanTaskState=Sleeping");
        var (missingStatus, _) = await client.GetJsonAsync("/api/1.0/scans/listbystatechanged?startDate=01/01/2020");

        Assert.Equal([queued.Id()], queuedPage!["List"]!.AsArray().Select(s => s!.Id()));
        Assert.Equal([cancelled.Id()], cancelledPage!["List"]!.AsArray().Select(s => s!.Id()));
        Assert.Contains(cancelled.Id(), changedPage!["List"]!.AsArray().Select(s => s!.Id()));
        Assert.DoesNotContain(queued.Id(), changedPage["List"]!.AsArray().Select(s => s!.Id()));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
    }

    [Fact]
    public async Task ListByWebsite_FiltersByWebsiteAndTarget_SortsByLaunchTime()
    {
        var client = fixture.Client();
        var site = $"http://127.0.0.{Random.Shared.Next(10, 250)}:{Random.Shared.Next(1000, 9000)}/";
        var a = await client.LaunchAsync(site + "a/");
        var b = await client.LaunchAsync(site + "b/");

        var (_, ascending) = await client.GetJsonAsync($"/api/1.0/scans/listbywebsite?websiteUrl={Uri.EscapeDataString(site)}");
        var (_, descending) = await client.GetJsonAsync($"/api/1.0/scans/listbywebsite?websiteUrl={Uri.EscapeDataString(site)}&initiatedDateSortType=Descending");
        var (_, byTarget) = await client.GetJsonAsync($"/api/1.0/scans/listbywebsite?targetUrl={Uri.EscapeDataString(site + "b/")}");

        Assert.Equal([a.Id(), b.Id()], ascending!["List"]!.AsArray().Select(s => s!.Id()));
        Assert.Equal([b.Id(), a.Id()], descending!["List"]!.AsArray().Select(s => s!.Id()));
        Assert.Equal([b.Id()], byTarget!["List"]!.AsArray().Select(s => s!.Id()));
    }

    [Fact]
    public async Task DetailStatusResult_AnswerForOwnScans_404ForUnknown_400ForMalformed()
    {
        var client = fixture.Client();
        var scan = await client.LaunchAsync(Target("detail"));
        await fixture.WithDbAsync(async db =>
        {
            var entity = await db.Scans.FirstAsync(s => s.Id == Guid.Parse(scan.Id()), Api.Ct);
            db.Vulnerabilities.Add(new VulnerabilityEntity
            {
                Id = Guid.NewGuid(), ScanId = entity.Id, WebsiteId = entity.WebsiteId, CheckId = "xss-reflected", Type = "Xss",
                Title = "Cross-site Scripting", Severity = Severity.High, Url = entity.TargetUrl + "?q=1", Method = "GET",
                Parameter = "q", Fingerprint = "f1", FoundAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(Api.Ct);
        });

        var (detailStatus, detail) = await client.GetJsonAsync($"/api/1.0/scans/detail/{scan.Id()}");
        var (statusStatus, status) = await client.GetJsonAsync($"/api/1.0/scans/status/{scan.Id()}");
        var (resultStatus, result) = await client.GetJsonAsync($"/api/1.0/scans/result/{scan.Id()}");

        Assert.Equal(HttpStatusCode.OK, detailStatus);
        Assert.Equal(scan.Id(), detail!.Id());
        Assert.Equal(HttpStatusCode.OK, statusStatus);
        Assert.Equal(["CompletedSteps", "EstimatedLaunchTime", "EstimatedSteps", "State"], status!.AsObject().Select(p => p.Key));
        Assert.Equal("Queued", (string?)status["State"]);
        Assert.Equal(HttpStatusCode.OK, resultStatus);
        var finding = Assert.Single(result!.AsArray())!;
        Assert.Equal(("Xss", "Cross-site Scripting"), ((string?)finding["Type"], (string?)finding["Title"]));
        Assert.Matches("/issues/detail/[0-9a-f]{32}/$", (string)finding["IssueUrl"]!);

        foreach (var path in new[] { "detail", "status", "result" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetJsonAsync($"/api/1.0/scans/{path}/{Guid.NewGuid()}")).Status);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetJsonAsync($"/api/1.0/scans/{path}/not-a-guid")).Status);
        }
    }

    [Theory]
    [InlineData(ScanTaskState.Queued, "cancel", "Ok", ScanTaskState.Cancelled)]
    [InlineData(ScanTaskState.Scanning, "cancel", "Ok", ScanTaskState.Cancelled)]
    [InlineData(ScanTaskState.Complete, "cancel", "ScanCompleted", ScanTaskState.Complete)]
    [InlineData(ScanTaskState.Failed, "cancel", "ScanFailed", ScanTaskState.Failed)]
    [InlineData(ScanTaskState.Cancelled, "cancel", "ScanCancelled", ScanTaskState.Cancelled)]
    [InlineData(ScanTaskState.Scanning, "pause", "Ok", ScanTaskState.Pausing)]
    [InlineData(ScanTaskState.Queued, "pause", "ScanQueued", ScanTaskState.Queued)]
    [InlineData(ScanTaskState.Paused, "pause", "ScanNotRunning", ScanTaskState.Paused)]
    [InlineData(ScanTaskState.Complete, "pause", "ScanCompleted", ScanTaskState.Complete)]
    [InlineData(ScanTaskState.Paused, "resume", "Ok", ScanTaskState.Resuming)]
    [InlineData(ScanTaskState.Scanning, "resume", "ScanNotPaused", ScanTaskState.Scanning)]
    [InlineData(ScanTaskState.Queued, "resume", "ScanQueued", ScanTaskState.Queued)]
    [InlineData(ScanTaskState.Failed, "resume", "ScanFailed", ScanTaskState.Failed)]
    public async Task Control_FollowsTheStateRules(ScanTaskState from, string action, string expected, ScanTaskState to)
    {
        var client = fixture.Client();
        var scan = await client.LaunchAsync(Target("control"));
        await SetStateAsync(scan.Id(), from);

        var (status, result) = await client.PostJsonAsync($"/api/1.0/scans/{action}", $"\"{scan.Id()}\"");
        var (_, detail) = await client.GetJsonAsync($"/api/1.0/scans/detail/{scan.Id()}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, result!.GetValue<string>());
        Assert.Equal(to.ToString(), (string?)detail!["State"]);
    }

    [Fact]
    public async Task EstimatedLaunchTime_GrowsWithTheQueue_AndIsNullOnceNotQueued()
    {
        var client = fixture.Client();
        var earlier = await client.LaunchAsync(Target("eta"));
        var later = await client.LaunchAsync(Target("eta"));
        await client.PostJsonAsync("/api/1.0/scans/cancel", $"\"{earlier.Id()}\"");

        var (_, laterStatus) = await client.GetJsonAsync($"/api/1.0/scans/status/{later.Id()}");
        var (_, earlierStatus) = await client.GetJsonAsync($"/api/1.0/scans/status/{earlier.Id()}");
        var (_, laterDetail) = await client.GetJsonAsync($"/api/1.0/scans/detail/{later.Id()}");

        Assert.True((int)laterStatus!["EstimatedLaunchTime"]! >= (int)earlier["EstimatedLaunchTime"]!);
        Assert.True((int)later["EstimatedLaunchTime"]! > 0, "no agent runs in this fixture, so scans are queued behind others");
        Assert.Null(earlierStatus!["EstimatedLaunchTime"]);
        Assert.Equal((int?)laterStatus["EstimatedLaunchTime"], (int?)laterDetail!["EstimatedLaunchTime"]);
    }

    [Fact]
    public async Task Control_UnknownScan_AnswersScanNotFound()
    {
        var (status, result) = await fixture.Client().PostJsonAsync("/api/1.0/scans/pause", $"\"{Guid.NewGuid()}\"");

        Assert.Equal((HttpStatusCode.OK, "ScanNotFound"), (status, result!.GetValue<string>()));
    }

    [Fact]
    public async Task PauseActiveScans_ThenResumePausedScans_ResumesExactlyThose()
    {
        var client = fixture.Client();
        var running = await client.LaunchAsync(Target("bulk"));
        var paused = await client.LaunchAsync(Target("bulk"));
        await SetStateAsync(running.Id(), ScanTaskState.Scanning);
        await SetStateAsync(paused.Id(), ScanTaskState.Paused);

        var (pauseStatus, pauseBody) = await client.PostJsonAsync("/api/1.0/scans/pause-active-scans", "");
        var afterPause = await StateAsync(running.Id());
        await SetStateAsync(running.Id(), ScanTaskState.Paused, keepBulkFlag: true);
        var (resumeStatus, _) = await client.PostJsonAsync("/api/1.0/scans/resume-paused-scans", "");

        Assert.Equal(HttpStatusCode.OK, pauseStatus);
        Assert.Equal("{}", pauseBody!.ToJsonString());
        Assert.Equal(ScanTaskState.Pausing, afterPause);
        Assert.Equal(HttpStatusCode.OK, resumeStatus);
        Assert.Equal(ScanTaskState.Resuming, await StateAsync(running.Id()));
        Assert.Equal(ScanTaskState.Paused, await StateAsync(paused.Id()));
    }

    [Fact]
    public async Task Delete_RefusesRunningScans_ReportsMissingOnes_AndHidesDeletedOnes()
    {
        var client = fixture.Client();
        var done = await client.LaunchAsync(Target("delete"));
        var running = await client.LaunchAsync(Target("delete"));
        await SetStateAsync(done.Id(), ScanTaskState.Complete);
        await SetStateAsync(running.Id(), ScanTaskState.Scanning);

        var (_, ongoing) = await client.PostJsonAsync("/api/1.0/scans/delete", $"[\"{done.Id()}\",\"{running.Id()}\"]");
        var (_, missing) = await client.PostJsonAsync("/api/1.0/scans/delete", $"[\"{done.Id()}\",\"{Guid.NewGuid()}\"]");
        var (_, ok) = await client.PostJsonAsync("/api/1.0/scans/delete", $"[\"{done.Id()}\"]");
        var (_, again) = await client.PostJsonAsync("/api/1.0/scans/delete", $"[\"{done.Id()}\"]");
        var (detailStatus, detail) = await client.GetJsonAsync($"/api/1.0/scans/detail/{done.Id()}");
        var (_, list) = await client.GetJsonAsync($"/api/1.0/scans/listbywebsite?targetUrl={Uri.EscapeDataString((string)done["TargetUrl"]!)}");
        var (badStatus, _) = await client.PostJsonAsync("/api/1.0/scans/delete", "[\"nope\"]");

        Assert.Equal("OnGoingScanExisting", ongoing!.GetValue<string>());
        Assert.Equal("SomeOfScansNotFound", missing!.GetValue<string>());
        Assert.Equal("Ok", ok!.GetValue<string>());
        Assert.Equal("SomeOfScansNotFound", again!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, detailStatus);
        Assert.NotNull((string?)detail!["DeletedOn"]);
        Assert.Equal(0, (int)list!["TotalItemCount"]!);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal(ScanTaskState.Scanning, await StateAsync(running.Id()));
    }

    [Fact]
    public async Task IncrementalAndRetest_NeedACompleteBase_AndKeepItsConfiguration()
    {
        var client = fixture.Client();
        var baseScan = await client.LaunchAsync(Target("retest"), new { Scope = "OnlyEnteredUrl" });

        var (notCompleteStatus, notComplete) = await client.PostJsonAsync("/api/1.0/scans/retest", new { BaseScanId = baseScan.Id() });
        await SetStateAsync(baseScan.Id(), ScanTaskState.Complete);
        var (retestStatus, retest) = await client.PostJsonAsync("/api/1.0/scans/retest", new { BaseScanId = baseScan.Id() });
        var (incrementalStatus, incremental) = await client.PostJsonAsync("/api/1.0/scans/incremental",
            new { BaseScanId = baseScan.Id(), IsMaxScanDurationEnabled = true, MaxScanDuration = 2 });
        var (missingStatus, _) = await client.PostJsonAsync("/api/1.0/scans/incremental", new { });

        Assert.Equal(HttpStatusCode.BadRequest, notCompleteStatus);
        Assert.Contains("complete", (string)notComplete!["Message"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Created, retestStatus);
        Assert.Equal(("Retest", "OnlyEnteredUrl"), ((string?)retest!["ScanType"], (string?)retest["Scope"]));
        Assert.Equal((string?)baseScan["ScanTaskGroupId"], (string?)retest["ScanTaskGroupId"]);
        Assert.Equal(HttpStatusCode.Created, incrementalStatus);
        Assert.Equal(("Incremental", 2), ((string?)incremental!["ScanType"], (int)incremental["MaxScanDuration"]!));
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
    }

    [Fact]
    public async Task NewWithProfile_NewGroupScan_AndGroupLaunchThroughNew()
    {
        var client = fixture.Client();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var profile = "profile-" + suffix;
        var group = "group-" + suffix;
        await client.PostJsonAsync("/api/1.0/scanprofiles/new", new { ProfileName = profile, Scope = "WholeDomain", Cookies = "a=b" });
        await client.PostJsonAsync("/api/1.0/websites/new", new { RootUrl = $"http://127.0.0.2:{Random.Shared.Next(1000, 60000)}/", Name = "G1 " + suffix, Groups = new[] { group } });
        await client.PostJsonAsync("/api/1.0/websites/new", new { RootUrl = $"http://127.0.0.3:{Random.Shared.Next(1000, 60000)}/", Name = "G2 " + suffix, Groups = new[] { group } });
        var (_, groupModel) = await client.GetJsonAsync($"/api/1.0/websitegroups/get?query={group}");

        var (profileStatus, fromProfile) = await client.PostJsonAsync("/api/1.0/scans/newwithprofile", new { ProfileName = profile, TargetUri = Target("withprofile") });
        var (unknownProfile, _) = await client.PostJsonAsync("/api/1.0/scans/newwithprofile", new { ProfileName = "nope-" + suffix, TargetUri = Target("x") });
        var (groupStatus, groupScans) = await client.PostJsonAsync("/api/1.0/scans/newgroupscan", new { WebsiteGroupName = group, Tags = new[] { "g" } });
        var (newGroupStatus, newGroupScans) = await client.PostJsonAsync("/api/1.0/scans/new", new { CreateType = "WebsiteGroup", WebsiteGroupId = groupModel!.Id() });

        Assert.Equal(HttpStatusCode.Created, profileStatus);
        Assert.Equal(("WholeDomain", "a=b", profile), ((string?)fromProfile!["Scope"], (string?)fromProfile["Cookies"], (string?)fromProfile["ScanTaskProfile"]!["Name"]));
        Assert.Equal(HttpStatusCode.NotFound, unknownProfile);
        Assert.Equal(HttpStatusCode.Created, groupStatus);
        Assert.Equal(2, groupScans!.AsArray().Count);
        Assert.Single(groupScans.AsArray().Select(s => (string?)s!["ScanTaskGroupId"]).Distinct());
        Assert.Equal(HttpStatusCode.Created, newGroupStatus);
        Assert.Equal(2, newGroupScans!.AsArray().Count);
    }

    private Task SetStateAsync(string scanId, ScanTaskState state, bool keepBulkFlag = false) => fixture.WithDbAsync(async db =>
    {
        var scan = await db.Scans.FirstAsync(s => s.Id == Guid.Parse(scanId), Api.Ct);
        scan.State = state;
        scan.PausedByBulkRequest = keepBulkFlag && scan.PausedByBulkRequest;
        if (state == ScanTaskState.Scanning)
        {
            scan.StartedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(Api.Ct);
    });

    private async Task<ScanTaskState> StateAsync(string scanId)
    {
        var state = ScanTaskState.Queued;
        await fixture.WithDbAsync(async db => state = (await db.Scans.AsNoTracking().FirstAsync(s => s.Id == Guid.Parse(scanId), Api.Ct)).State);
        return state;
    }
}
