using System.Net;

namespace Harrier.Api.Tests;

/// <summary>One user never sees another's data: foreign ids are 404, lists hold only one's own records.</summary>
public sealed class IsolationTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    [Fact]
    public async Task OtherUsersScansWebsitesAndProfiles_AreInvisible()
    {
        // Arrange: user A's records
        var a = fixture.Client();
        var b = fixture.OtherUserClient();
        var scan = await a.LaunchAsync("http://127.0.0.1:9/isolation-a/");
        var (_, website) = await a.PostJsonAsync("/api/1.0/websites/new", new { RootUrl = "http://127.0.0.7:9/", Name = "A only" });
        var (_, profile) = await a.PostJsonAsync("/api/1.0/scanprofiles/new", new { ProfileName = "A profile", TargetUri = "http://127.0.0.1:9/" });
        var (_, group) = await a.PostJsonAsync("/api/1.0/websitegroups/new", new { Name = "A group" });

        // Act + Assert: B gets 404 or a not-found result for each, and none of it in B's lists
        foreach (var path in new[] { $"scans/detail/{scan.Id()}", $"scans/status/{scan.Id()}", $"scans/result/{scan.Id()}",
            $"websites/get/{website!.Id()}", $"scanprofiles/get/{(string)profile!["ProfileId"]!}", $"websitegroups/get/{group!.Id()}",
            "websites/get?query=A%20only", "scanprofiles/get?name=A%20profile", "websitegroups/get?query=A%20group" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await b.GetJsonAsync("/api/1.0/" + path)).Status);
        }

        foreach (var action in new[] { "cancel", "pause", "resume" })
        {
            Assert.Equal("ScanNotFound", (await b.PostJsonAsync($"/api/1.0/scans/{action}", $"\"{scan.Id()}\"")).Body!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await b.PostJsonAsync("/api/1.0/scans/newfromscan", $"\"{scan.Id()}\"")).Status);
        Assert.Equal("SomeOfScansNotFound", (await b.PostJsonAsync("/api/1.0/scans/delete", $"[\"{scan.Id()}\"]")).Body!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostJsonAsync("/api/1.0/scans/retest", new { BaseScanId = scan.Id() })).Status);
        Assert.Equal("NotFound", (await b.PostJsonAsync("/api/1.0/websites/delete", new { RootUrl = "http://127.0.0.7:9/" })).Body!.GetValue<string>());

        var lists = new[] { "scans/list?pageSize=200", "websites/list?pageSize=200", "scanprofiles/list?pageSize=200", "websitegroups/list?pageSize=200" };
        foreach (var list in lists)
        {
            var (_, page) = await b.GetJsonAsync("/api/1.0/" + list);
            var text = page!.ToJsonString();
            Assert.DoesNotContain(scan.Id(), text, StringComparison.Ordinal);
            Assert.DoesNotContain(website.Id(), text, StringComparison.Ordinal);
            Assert.DoesNotContain("A profile", text, StringComparison.Ordinal);
            Assert.DoesNotContain("A group", text, StringComparison.Ordinal);
        }

        var (_, stillThere) = await a.GetJsonAsync($"/api/1.0/scans/detail/{scan.Id()}");
        Assert.Equal("Queued", (string?)stillThere!["State"]);
    }
}
