using System.Net;

namespace Harrier.Api.Tests;

/// <summary>Contract §5: websites, website groups, scan policies, scan profiles, account.</summary>
public sealed class CompanionApiTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static string RootUrl() => $"http://127.0.0.{Random.Shared.Next(2, 250)}:{Random.Shared.Next(1000, 60000)}/";

    [Fact]
    public async Task Websites_CreateGetUpdateListDelete()
    {
        var client = fixture.Client();
        var root = RootUrl();
        var name = Unique("Site");
        var group = Unique("grp");

        var (createStatus, created) = await client.PostJsonAsync("/api/1.0/websites/new",
            new { RootUrl = root, Name = name, Description = "d", LicenseType = "Subscription", AgentMode = "Internal", Groups = new[] { group }, Tags = new[] { "t" } });
        var (duplicateStatus, _) = await client.PostJsonAsync("/api/1.0/websites/new", new { RootUrl = root, Name = name + "2" });
        var (_, byName) = await client.GetJsonAsync($"/api/1.0/websites/get?query={name}");
        var (_, byUrl) = await client.GetJsonAsync($"/api/1.0/websites/get?query={Uri.EscapeDataString(root)}");
        var (_, byId) = await client.GetJsonAsync($"/api/1.0/websites/get/{created!.Id()}");
        var (_, byGroup) = await client.GetJsonAsync($"/api/1.0/websites/getwebsitesbygroup?query={group}");
        var (updateStatus, updated) = await client.PostJsonAsync("/api/1.0/websites/update",
            new { RootUrl = root, Name = name, Description = "changed", DefaultProtocol = "Https", Groups = Array.Empty<string>() });
        var (_, list) = await client.GetJsonAsync("/api/1.0/websites/list?pageSize=200");
        var (deleteStatus, deleted) = await client.PostJsonAsync("/api/1.0/websites/delete", new { RootUrl = root });
        var (_, deletedAgain) = await client.PostJsonAsync("/api/1.0/websites/delete", new { RootUrl = root });
        var (goneStatus, _) = await client.GetJsonAsync($"/api/1.0/websites/get/{created.Id()}");

        Assert.Equal(HttpStatusCode.Created, createStatus);
        Assert.Equal(("Internal", group), ((string?)created!["AgentMode"], (string?)created["Groups"]![0]!["Name"]));
        Assert.Equal(HttpStatusCode.BadRequest, duplicateStatus);
        Assert.Equal(created.Id(), byName!.Id());
        Assert.Equal(created.Id(), byUrl!.Id());
        Assert.Equal(created.Id(), byId!.Id());
        Assert.Equal(created.Id(), byGroup!["List"]![0]!.Id());
        Assert.Equal(HttpStatusCode.OK, updateStatus);
        Assert.Equal(("changed", 0), ((string?)updated!["Description"], updated["Groups"]!.AsArray().Count));
        Assert.Contains(created.Id(), list!["List"]!.AsArray().Select(w => w!.Id()));
        Assert.Equal((HttpStatusCode.OK, "Ok"), (deleteStatus, deleted!.GetValue<string>()));
        Assert.Equal("NotFound", deletedAgain!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, goneStatus);
    }

    [Fact]
    public async Task Websites_InvalidInput_Is400WithModelState()
    {
        var (status, error) = await fixture.Client().PostJsonAsync("/api/1.0/websites/new", new { RootUrl = "ftp://x", Name = "" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(error!["ModelState"]!["model.RootUrl"]);
        Assert.NotNull(error["ModelState"]!["model.Name"]);
    }

    [Fact]
    public async Task WebsiteGroups_CreateGetUpdateListDelete()
    {
        var client = fixture.Client();
        var name = Unique("group");

        var (createStatus, created) = await client.PostJsonAsync("/api/1.0/websitegroups/new", new { Name = name, Description = "first" });
        var (_, byName) = await client.GetJsonAsync($"/api/1.0/websitegroups/get?query={name}");
        var (_, byId) = await client.GetJsonAsync($"/api/1.0/websitegroups/get/{created!.Id()}");
        var (_, updated) = await client.PostJsonAsync("/api/1.0/websitegroups/update", new { Id = created.Id(), Name = name + "-x", Description = "second" });
        var (_, list) = await client.GetJsonAsync("/api/1.0/websitegroups/list?pageSize=200");
        await client.PostJsonAsync("/api/1.0/websites/new", new { RootUrl = RootUrl(), Name = Unique("member"), Groups = new[] { name + "-x" } });
        var (_, refused) = await client.PostJsonAsync("/api/1.0/websitegroups/delete", new { Name = name + "-x" });
        var other = await client.PostJsonAsync("/api/1.0/websitegroups/new", new { Name = Unique("empty") });
        var (_, deleted) = await client.PostJsonAsync($"/api/1.0/websitegroups/delete/{other.Body!.Id()}", "");

        Assert.Equal(HttpStatusCode.Created, createStatus);
        Assert.Equal(created.Id(), byName!.Id());
        Assert.Equal(created.Id(), byId!.Id());
        Assert.Equal("second", (string?)updated!["Description"]);
        Assert.Contains(created.Id(), list!["List"]!.AsArray().Select(g => g!.Id()));
        Assert.Equal("WebsitesExisting", (string?)refused!["Result"]);
        Assert.Equal("Ok", (string?)deleted!["Result"]);
    }

    [Fact]
    public async Task ScanPolicies_ListGetAndCreate()
    {
        var client = fixture.Client();
        var name = Unique("policy");

        var (_, list) = await client.GetJsonAsync("/api/1.0/scanpolicies/list");
        var (_, byName) = await client.GetJsonAsync("/api/1.0/scanpolicies/get?name=Default%20Security%20Checks");
        var (createStatus, created) = await client.PostJsonAsync("/api/1.0/scanpolicies/new",
            new { Name = name, Description = "slow", HttpRequestSettings = new { ConcurrentConnectionCount = 2, RequestsPerSecond = 5 }, CrawlingSettings = new { MaximumCrawlerUrlCount = 10 } });
        var (_, byId) = await client.GetJsonAsync($"/api/1.0/scanpolicies/get/{created!.Id()}");
        var (duplicateStatus, _) = await client.PostJsonAsync("/api/1.0/scanpolicies/new", new { Name = name });
        var scan = await client.LaunchAsync(extra: new { PolicyId = created.Id() });
        var (foreignStatus, _) = await fixture.OtherUserClient().GetJsonAsync($"/api/1.0/scanpolicies/get/{created.Id()}");

        Assert.Contains("Default Security Checks", list!["List"]!.AsArray().Select(p => (string?)p!["Name"]));
        Assert.Equal("b2018666-2a01-e411-976c-0a45dbb897e8", byName!.Id());
        Assert.Equal(HttpStatusCode.Created, createStatus);
        Assert.Equal(2, (int)byId!["HttpRequestSettings"]!["ConcurrentConnectionCount"]!);
        Assert.Equal(10, (int)byId["CrawlingSettings"]!["MaximumCrawlerUrlCount"]!);
        Assert.Equal(HttpStatusCode.BadRequest, duplicateStatus);
        Assert.Equal(name, (string?)scan["PolicyName"]);
        Assert.Equal(HttpStatusCode.NotFound, foreignStatus);
    }

    [Fact]
    public async Task ScanProfiles_CreateGetUpdateListDelete_WithoutEchoingSecrets()
    {
        var client = fixture.Client();
        var name = Unique("profile");

        var (createStatus, created) = await client.PostJsonAsync("/api/1.0/scanprofiles/new", new
        {
            ProfileName = name,
            TargetUri = "http://127.0.0.1:9/p/",
            HeaderAuthentication = new { IsEnabled = true, Headers = new[] { new { Name = "Authorization", Value = "Bearer top-secret" } } },
        });
        var (_, byName) = await client.GetJsonAsync($"/api/1.0/scanprofiles/get?name={name}");
        var (_, byId) = await client.GetJsonAsync($"/api/1.0/scanprofiles/get/{(string)created!["ProfileId"]!}");
        var (updateStatus, updated) = await client.PostJsonAsync("/api/1.0/scanprofiles/update",
            new { ProfileId = (string)created["ProfileId"]!, ProfileName = name, Scope = "OnlyEnteredUrl" });
        var (_, list) = await client.GetJsonAsync("/api/1.0/scanprofiles/list");
        var (_, deleted) = await client.PostJsonAsync("/api/1.0/scanprofiles/delete", $"\"{(string)created["ProfileId"]!}\"");
        var (_, deletedAgain) = await client.PostJsonAsync("/api/1.0/scanprofiles/delete", $"\"{(string)created["ProfileId"]!}\"");

        Assert.Equal(HttpStatusCode.Created, createStatus);
        Assert.DoesNotContain("top-secret", created.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(name, (string?)byName!["ProfileName"]);
        Assert.Equal((string?)created["ProfileId"], (string?)byId!["ProfileId"]);
        Assert.Equal((HttpStatusCode.OK, "OnlyEnteredUrl"), (updateStatus, (string?)updated!["Scope"]));
        Assert.Contains(name, list!["List"]!.AsArray().Select(p => (string?)p!["ProfileName"]));
        Assert.Equal("Ok", deleted!.GetValue<string>());
        Assert.Equal("NotExists", deletedAgain!.GetValue<string>());
    }

    [Fact]
    public async Task Account_MeAndLicense()
    {
        var (meStatus, me) = await fixture.Client().GetJsonAsync("/api/1.0/account/me");
        var (licenseStatus, license) = await fixture.Client().GetJsonAsync("/api/1.0/account/license");

        Assert.Equal(HttpStatusCode.OK, meStatus);
        Assert.Equal(["DateFormat", "DisplayName", "Email", "AlternateLoginEmail", "TimeZoneInfo"], me!.AsObject().Select(p => p.Key));
        Assert.Equal("dd/MM/yyyy", (string?)me["DateFormat"]);
        Assert.Equal(HttpStatusCode.OK, licenseStatus);
        Assert.True((bool)license!["IsSubscriptionEnabled"]!);
    }
}
