using System.Net;
using System.Text.Json.Nodes;
using Harrier.Core.Scans;
using Harrier.Server.Hosting;
using Harrier.Server.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harrier.Api.Tests;

/// <summary>Scheduled scans on the wire (contract §2.11, §2.26–§2.31, §3.6): shapes, account date formats, isolation, bad input.</summary>
public sealed class SchedulesApiTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    private const string Target = "http://127.0.0.1:9/scheduled/";

    [Fact]
    public async Task Schedule_StoresIt_AndAnswersInTheAccountFormat_AndListsIt()
    {
        var a = fixture.Client();

        var (status, created) = await a.PostJsonAsync("/api/1.0/scans/schedule", new
        {
            Name = "Weekly full", TargetUri = Target, NextExecutionTime = "21/07/2030 03:30 PM", ScheduleRunType = "Weekly",
        });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Weekly full", (string?)created!["Name"]);
        Assert.Equal("21/07/2030 03:30 PM", (string?)created["NextExecutionTime"]);
        Assert.Equal("Weekly", (string?)created["ScheduleRunType"]);
        Assert.Equal("Full", (string?)created["ScanType"]);
        Assert.Equal(0, (int)created["OccurencesCount"]!);
        Assert.False((bool)created["Disabled"]!);
        Assert.True((bool)created["EnableScheduling"]!);
        Assert.Equal(Target, (string?)created["TargetUrl"]);
        Assert.Null(created["CustomRecurrence"]);
        var stored = await StoredAsync(created.Id());
        Assert.Equal(new DateTime(2030, 7, 21, 15, 30, 0, DateTimeKind.Utc), DateTime.SpecifyKind(stored!.NextExecutionTime!.Value, DateTimeKind.Utc));

        var item = await ListedAsync(a, created.Id());
        Assert.NotNull(item);
        Assert.Equal("21/07/2030 03:30 PM", (string?)item!["NextExecutionTime"]);
        Assert.Null(item["LastExecutedScanTaskId"]);
    }

    [Fact]
    public async Task CustomRecurrence_RoundTrips_AndTheFirstRunIsTheFirstMatchingDay()
    {
        var a = fixture.Client();

        // 1 January 2030 is a Tuesday, so the second Tuesday is the 8th.
        var (status, created) = await a.PostJsonAsync("/api/1.0/scans/schedule", new
        {
            Name = "Patch Tuesday", TargetUri = Target, NextExecutionTime = "01/01/2030 09:00 AM", ScheduleRunType = "Custom",
            CustomRecurrence = new { RepeatType = "Months", Interval = 1, Ordinal = "Second", DayOfWeek = "Tuesday", EndingType = "Date", EndOn = "31/12/2030" },
        });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("08/01/2030 09:00 AM", (string?)created!["NextExecutionTime"]);
        var recurrence = created["CustomRecurrence"]!;
        Assert.Equal("Months", (string?)recurrence["RepeatType"]);
        Assert.Equal("Second", (string?)recurrence["Ordinal"]);
        Assert.Equal("Tuesday", (string?)recurrence["DayOfWeek"]);
        Assert.Equal("Date", (string?)recurrence["EndingType"]);
        Assert.Equal("31/12/2030", (string?)recurrence["EndOn"]);
    }

    [Fact]
    public async Task UsersDateFormatAndTimeZone_AreUsedForInputAndOutput_AndIsoIsAccepted()
    {
        // A user of its own: a server remembers a checked token's user (and its formats) for a few seconds.
        var (userId, token) = (Guid.Empty, "");
        await fixture.WithDbAsync(async db =>
        {
            (userId, token) = await UserAdministration.CreateUserAsync(db, TimeProvider.System, "New York", "ny@example.test", isAdmin: false);
            var user = await db.Users.SingleAsync(u => u.Id == userId, Api.Ct);
            user.DateFormat = "MM/dd/yyyy";
            user.TimeFormat = "HH:mm";
            user.TimeZoneId = "America/New_York";
            await db.SaveChangesAsync(Api.Ct);
        });
        var b = fixture.Client(userId.ToString(), token);

        var (_, local) = await b.PostJsonAsync("/api/1.0/scans/schedule", new
        {
            Name = "NY local", TargetUri = Target, NextExecutionTime = "07/21/2030 15:30", ScheduleRunType = "Daily",
        });
        var (_, iso) = await b.PostJsonAsync("/api/1.0/scans/schedule", new
        {
            Name = "NY iso", TargetUri = Target, NextExecutionTime = "2030-07-21T19:30:00Z", ScheduleRunType = "Daily",
        });

        Assert.Equal("07/21/2030 15:30", (string?)local!["NextExecutionTime"]);
        Assert.Equal("07/21/2030 15:30", (string?)iso!["NextExecutionTime"]);
        var stored = await StoredAsync(local.Id());
        Assert.Equal(new DateTime(2030, 7, 21, 19, 30, 0), stored!.NextExecutionTime);
        Assert.Equal("America/New_York", stored.Rule.TimeZoneId);
    }

    public static TheoryData<string, string> BadSchedules => new()
    {
        { "/api/1.0/scans/schedule", """{"TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"21/07/2030 03:30 PM","ScheduleRunType":"Daily"}""" },
        { "/api/1.0/scans/schedule", """{"Name":"n","TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"2030-21-07 3pm","ScheduleRunType":"Daily"}""" },
        { "/api/1.0/scans/schedule", """{"Name":"n","TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"07/21/2030 03:30 PM","ScheduleRunType":"Daily"}""" },
        { "/api/1.0/scans/schedule", """{"Name":"n","TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"21/07/2030 03:30 PM"}""" },
        { "/api/1.0/scans/schedule", """{"Name":"n","TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"21/07/2030 03:30 PM","ScheduleRunType":"Hourly"}""" },
        { "/api/1.0/scans/schedule", """{"Name":"n","TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"21/07/2030 03:30 PM","ScheduleRunType":"Custom"}""" },
        { "/api/1.0/scans/schedule", """{"Name":"n","TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"21/07/2030 03:30 PM","ScheduleRunType":"Custom","CustomRecurrence":{"RepeatType":"Days","Interval":0}}""" },
        { "/api/1.0/scans/schedule", """{"Name":"n","TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"21/07/2030 03:30 PM","ScheduleRunType":"Custom","CustomRecurrence":{"RepeatType":"Days","EndingType":"Date","EndOn":"01/07/2030"}}""" },
        { "/api/1.0/scans/schedule", """{"Name":"n","TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"21/07/2030 03:30 PM","ScheduleRunType":"Custom","CustomRecurrence":{"RepeatType":"Days","EndingType":"Occurences"}}""" },
        { "/api/1.0/scans/schedule", """{"Name":"n","TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"21/07/2030 03:30 PM","ScheduleRunType":"Custom","CustomRecurrence":{"RepeatType":"Months","DayOfMonth":32}}""" },
        { "/api/1.0/scans/schedule", """{"Name":"n","TargetUri":"not a url","NextExecutionTime":"21/07/2030 03:30 PM","ScheduleRunType":"Daily"}""" },
        { "/api/1.0/scans/schedulewithprofile", """{"Name":"n","TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"21/07/2030 03:30 PM","ScheduleRunType":"Daily"}""" },
        { "/api/1.0/scans/schedule-incremental", """{"Name":"n","NextExecutionTime":"21/07/2030 03:30 PM","ScheduleRunType":"Daily"}""" },
        { "/api/1.0/scans/update-scheduled", """{"Name":"n","TargetUri":"http://127.0.0.1:9/","NextExecutionTime":"21/07/2030 03:30 PM","ScheduleRunType":"Daily"}""" },
        { "/api/1.0/scans/unschedule", "\"not-a-guid\"" },
    };

    [Theory]
    [MemberData(nameof(BadSchedules))]
    public async Task BadInput_Is400WithMessage_AndStoresNothing(string path, string body)
    {
        var before = await CountAsync();

        var (status, error) = await fixture.Client().PostJsonAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty((string?)error!["Message"]));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task OtherUsersSchedules_Are404_AndNeverListed()
    {
        var a = fixture.Client();
        var b = fixture.OtherUserClient();
        var (_, created) = await a.PostJsonAsync("/api/1.0/scans/schedule", new
        {
            Name = "A private", TargetUri = Target, NextExecutionTime = "21/07/2030 03:30 PM", ScheduleRunType = "Daily",
        });
        var id = created.Id();

        var update = await b.PostJsonAsync("/api/1.0/scans/update-scheduled", new
        {
            Id = id, Name = "hijack", TargetUri = Target, NextExecutionTime = "21/07/2030 03:30 PM", ScheduleRunType = "Daily",
        });
        var unschedule = await b.PostJsonAsync("/api/1.0/scans/unschedule", $"\"{id}\"");
        var unknown = await a.PostJsonAsync("/api/1.0/scans/unschedule", $"\"{Guid.NewGuid()}\"");
        var (_, bList) = await b.GetJsonAsync("/api/1.0/scans/list-scheduled?pageSize=200");

        Assert.Equal(HttpStatusCode.NotFound, update.Status);
        Assert.Equal(HttpStatusCode.NotFound, unschedule.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.False(string.IsNullOrEmpty((string?)unknown.Body!["Message"]));
        Assert.DoesNotContain(id, bList!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("A private", (string?)(await ListedAsync(a, id))!["Name"]);
    }

    [Fact]
    public async Task UpdateScheduled_DisablesAndRetimes_AndUnscheduleRemoves()
    {
        var a = fixture.Client();
        var (_, created) = await a.PostJsonAsync("/api/1.0/scans/schedule", new
        {
            Name = "to update", TargetUri = Target, NextExecutionTime = "21/07/2030 03:30 PM", ScheduleRunType = "Daily",
        });
        var id = created.Id();

        var (status, echoed) = await a.PostJsonAsync("/api/1.0/scans/update-scheduled", new
        {
            Id = id, Name = "updated", TargetUri = Target, NextExecutionTime = "2030-08-01T10:15", ScheduleRunType = "Monthly", Disabled = true,
        });
        var listed = await ListedAsync(a, id);
        var removed = await a.PostJsonAsync("/api/1.0/scans/unschedule", new { id });
        var again = await a.PostJsonAsync("/api/1.0/scans/unschedule", $"\"{id}\"");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, echoed.Id());
        Assert.Equal("01/08/2030 10:15 AM", (string?)echoed!["NextExecutionTime"]);
        Assert.True((bool)echoed["Disabled"]!);
        Assert.Equal("updated", (string?)listed!["Name"]);
        Assert.Equal("Monthly", (string?)listed["ScheduleRunType"]);
        Assert.True((bool)listed["Disabled"]!);
        Assert.False((bool)listed["EnableScheduling"]!);
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Null(await StoredAsync(id));
    }

    [Fact]
    public async Task ScheduleIncremental_NeedsACompleteBaseScan_AndIsUpdatedOnlyAsIncremental()
    {
        var a = fixture.Client();
        var baseScan = await a.LaunchAsync(Target);
        var body = new { Name = "incremental", NextExecutionTime = "21/07/2030 03:30 PM", ScheduleRunType = "Daily", BaseScanId = baseScan.Id() };

        var notComplete = await a.PostJsonAsync("/api/1.0/scans/schedule-incremental", body);
        await fixture.WithDbAsync(async db =>
        {
            var scan = await db.Scans.SingleAsync(s => s.Id == Guid.Parse(baseScan.Id()), Api.Ct);
            scan.State = ScanTaskState.Complete;
            await db.SaveChangesAsync(Api.Ct);
        });
        var (status, created) = await a.PostJsonAsync("/api/1.0/scans/schedule-incremental", body);
        var asFull = await a.PostJsonAsync("/api/1.0/scans/update-scheduled", new
        {
            Id = created.Id(), Name = "x", TargetUri = Target, NextExecutionTime = "21/07/2030 03:30 PM", ScheduleRunType = "Daily",
        });
        var (updateStatus, updated) = await a.PostJsonAsync("/api/1.0/scans/update-scheduled-incremental", new
        {
            Id = created.Id(), Name = "incremental 2", NextExecutionTime = "22/07/2030 03:30 PM", ScheduleRunType = "Weekly", BaseScanId = baseScan.Id(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, notComplete.Status);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Incremental", (string?)created!["ScanType"]);
        Assert.Equal(HttpStatusCode.BadRequest, asFull.Status);
        Assert.Equal(HttpStatusCode.OK, updateStatus);
        Assert.Equal("22/07/2030 03:30 PM", (string?)updated!["NextExecutionTime"]);
        Assert.Equal(Guid.Parse(baseScan.Id()), (await StoredAsync(created.Id()))!.BaseScanId);
    }

    [Fact]
    public async Task ScheduleWithProfile_UsesTheProfile_AndAnUnknownProfileIs404()
    {
        var a = fixture.Client();
        var (profileStatus, _) = await a.PostJsonAsync("/api/1.0/scanprofiles/new", new { ProfileName = "Nightly profile", TargetUri = Target });
        Assert.Equal(HttpStatusCode.Created, profileStatus);

        var (status, created) = await a.PostJsonAsync("/api/1.0/scans/schedulewithprofile", new
        {
            ProfileName = "Nightly profile", TargetUri = Target, Name = "from profile", NextExecutionTime = "21/07/2030 03:30 PM", ScheduleRunType = "Daily",
        });
        var unknown = await a.PostJsonAsync("/api/1.0/scans/schedulewithprofile", new
        {
            ProfileName = "No such profile", TargetUri = Target, Name = "x", NextExecutionTime = "21/07/2030 03:30 PM", ScheduleRunType = "Daily",
        });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.NotNull((string?)created!["ProfileId"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task DueSchedule_IsLaunchedOnce_AndTheLaunchShowsOnTheScheduleAndTheScan()
    {
        var a = fixture.Client();
        var (_, created) = await a.PostJsonAsync("/api/1.0/scans/schedule", new
        {
            Name = "overdue", TargetUri = Target, NextExecutionTime = "01/01/2020 09:00 AM", ScheduleRunType = "Daily",
        });
        var id = Guid.Parse(created.Id());

        // The server's own scheduler may take it first: either way there is exactly one launch.
        using (var scope = fixture.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ScheduleRunner>().RunDueAsync(100, Api.Ct);
        }

        var listed = await ListedAsync(a, created.Id());
        var scanId = (string?)listed!["LastExecutedScanTaskId"];
        var (_, scan) = await a.GetJsonAsync($"/api/1.0/scans/detail/{scanId}");
        var launched = 0;
        await fixture.WithDbAsync(async db => launched = await db.Scans.CountAsync(s => s.ScheduledScanId == id, Api.Ct));

        Assert.Equal(1, launched);
        Assert.Equal(1, (int)listed["OccurencesCount"]!);
        Assert.Equal("Ok", (string?)listed["LastExecutionStatus"]);
        Assert.Equal(created.Id(), (string?)scan!["ScheduledScanId"]);
        Assert.Equal(Target, (string?)scan["TargetUrl"]);
        // Catch-up: one launch, then the next run is the first occurrence after it, not one of the missed ones.
        var stored = (await StoredAsync(created.Id()))!;
        Assert.InRange(stored.NextExecutionTime!.Value - stored.LastLaunchedAt!.Value, TimeSpan.FromTicks(1), TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task EndedOnceSchedule_IsKeptAndListed_AndAnUpdateSchedulesItAgain()
    {
        var a = fixture.Client();
        var (_, created) = await a.PostJsonAsync("/api/1.0/scans/schedule", new
        {
            Name = "one-off", TargetUri = Target, NextExecutionTime = "01/01/2021 09:00 AM", ScheduleRunType = "Once",
        });
        using (var scope = fixture.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ScheduleRunner>().RunDueAsync(100, Api.Ct);
        }

        var ended = await ListedAsync(a, created.Id());
        var (status, _) = await a.PostJsonAsync("/api/1.0/scans/update-scheduled", new
        {
            Id = created.Id(), Name = "one-off again", TargetUri = Target, NextExecutionTime = "01/01/2031 09:00 AM", ScheduleRunType = "Once",
        });
        var again = await ListedAsync(a, created.Id());

        Assert.Equal(1, (int)ended!["OccurencesCount"]!);
        Assert.Null(ended["NextExecutionTime"]);
        Assert.False((bool)ended["EnableScheduling"]!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("01/01/2031 09:00 AM", (string?)again!["NextExecutionTime"]);
        Assert.True((bool)again["EnableScheduling"]!);
        Assert.Equal(1, (int)again["OccurencesCount"]!);
    }

    [Fact]
    public void Serve_RunsTheScheduler()
    {
        Assert.Single(fixture.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SchedulerService>());
    }

    private static async Task<JsonNode?> ListedAsync(HttpClient client, string id)
    {
        var (status, page) = await client.GetJsonAsync("/api/1.0/scans/list-scheduled?page=1&pageSize=200");
        Assert.Equal(HttpStatusCode.OK, status);
        return page!["List"]!.AsArray().FirstOrDefault(s => (string?)s!["Id"] == id);
    }

    private async Task<Harrier.Storage.Entities.ScheduledScanEntity?> StoredAsync(string id)
    {
        Harrier.Storage.Entities.ScheduledScanEntity? stored = null;
        await fixture.WithDbAsync(async db => stored = await db.ScheduledScans.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Guid.Parse(id), Api.Ct));
        return stored;
    }

    private async Task<int> CountAsync()
    {
        var count = 0;
        await fixture.WithDbAsync(async db => count = await db.ScheduledScans.CountAsync(Api.Ct));
        return count;
    }
}
