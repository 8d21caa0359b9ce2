using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Api.Tests;

/// <summary>The CI plugins' undocumented endpoints (contract §2.35–§2.39), with the exact request shapes each plugin sends.</summary>
public sealed class PluginEndpointsTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    /// <summary>The Java plugins authenticate with an empty user name and the token.</summary>
    private HttpClient Jenkins() => fixture.Client("", HarrierApiFixture.AdminToken);

    [Fact]
    public async Task CreateFromPluginScanRequest_JenkinsForm_LaunchesAndStoresTheCommit()
    {
        var website = await NewWebsiteAsync();
        var form = $"WebsiteId={website}&ScanType=FullWithPrimaryProfile&ProfileId=&VcsCommitInfoModel.CiBuildId=42" +
            "&VcsCommitInfoModel.IntegrationSystem=Jenkins&VcsCommitInfoModel.CiBuildServerVersion=2.440&VcsCommitInfoModel.CiNcPluginVersion=1.1" +
            "&VcsCommitInfoModel.CiBuildConfigurationName=app&VcsCommitInfoModel.CiBuildUrl=http%3A%2F%2Fci%2Fjob%2F42&VcsCommitInfoModel.CiBuildHasChange=true" +
            "&VcsCommitInfoModel.CiTimestamp=2024-03-28T09%3A53%2B0000&VcsCommitInfoModel.VcsName=git&VcsCommitInfoModel.VcsVersion=abc123&VcsCommitInfoModel.Committer=dev%40example.test";

        var (status, result) = await Jenkins().PostFormAsync("/api/1.0/scans/CreateFromPluginScanRequest", form);
        var (_, detail) = await fixture.Client().GetJsonAsync($"/api/1.0/scans/detail/{(string)result!["ScanTaskId"]!}");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True((bool)result["IsValid"]!);
        Assert.Null((string?)result["ErrorMessage"]);
        Assert.Equal("42", (string?)detail!["VcsCommitInfo"]!["CiBuildId"]);
        Assert.Equal("Jenkins", (string?)detail["VcsCommitInfo"]!["IntegrationSystem"]);
        Assert.True((bool)detail["VcsCommitInfo"]!["CiBuildHasChange"]!);
        Assert.StartsWith("2024-03-28T09:53:00", (string)detail["VcsCommitInfo"]!["CiTimestamp"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFromPluginScanRequest_GitHubActionForm_WithBracketsAndShaInHasChange()
    {
        var website = await NewWebsiteAsync();
        var form = $"WebsiteId={website}&ScanType=FullWithPrimaryProfile&ProfileId=&VcsCommitInfoModel%5BCiBuildId%5D=7" +
            "&VcsCommitInfoModel%5BIntegrationSystem%5D=GithubActions&VcsCommitInfoModel%5BCiBuildHasChange%5D=4f1c2d3e&VcsCommitInfoModel%5BCommitter%5D=octo";

        var (status, result) = await fixture.Client().PostFormAsync("/api/1.0/scans/CreateFromPluginScanRequest", form);
        var (_, detail) = await fixture.Client().GetJsonAsync($"/api/1.0/scans/detail/{(string)result!["ScanTaskId"]!}");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("GitHubActions", (string?)detail!["VcsCommitInfo"]!["IntegrationSystem"]);
        Assert.False((bool)detail["VcsCommitInfo"]!["CiBuildHasChange"]!);
        Assert.Equal("octo", (string?)detail["VcsCommitInfo"]!["Committer"]);
    }

    [Theory]
    [InlineData("WebsiteId=00000000-0000-0000-0000-000000000001&ScanType=FullWithPrimaryProfile", HttpStatusCode.NotFound)]
    [InlineData("WebsiteId={0}&ScanType=Sideways", HttpStatusCode.BadRequest)]
    [InlineData("WebsiteId={0}&ScanType=FullWithSelectedProfile&ProfileId=00000000-0000-0000-0000-000000000002", HttpStatusCode.NotFound)]
    [InlineData("WebsiteId=not-a-guid&ScanType=Incremental", HttpStatusCode.BadRequest)]
    public async Task CreateFromPluginScanRequest_Failures_AnswerIsValidFalse(string template, HttpStatusCode expected)
    {
        var website = await NewWebsiteAsync();
        var (status, result) = await Jenkins().PostFormAsync("/api/1.0/scans/CreateFromPluginScanRequest",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, template, website));

        Assert.Equal(expected, status);
        Assert.False((bool)result!["IsValid"]!);
        Assert.False(string.IsNullOrEmpty((string?)result["ErrorMessage"]));
    }

    [Fact]
    public async Task VerifyPluginScanRequest_AndPluginWebSiteModels()
    {
        var website = await NewWebsiteAsync();
        var profileName = "plugin-profile-" + Guid.NewGuid().ToString("N")[..6];
        var (_, profile) = await fixture.Client().PostJsonAsync("/api/1.0/scanprofiles/new", new { ProfileName = profileName, WebsiteId = website, IsPrimary = true });

        var (verifyStatus, verify) = await Jenkins().PostFormAsync("/api/1.0/scans/VerifyPluginScanRequest",
            $"WebsiteId={website}&ScanType=FullWithSelectedProfile&ProfileId={(string)profile!["ProfileId"]!}");
        var (modelsStatus, models) = await Jenkins().GetJsonAsync("/api/1.0/scans/PluginWebSiteModels");
        var (unauthorized, _) = await fixture.Client("", "wrong").GetJsonAsync("/api/1.0/scans/PluginWebSiteModels");

        Assert.Equal(HttpStatusCode.OK, verifyStatus);
        Assert.True((bool)verify!["IsValid"]!);
        Assert.Equal(HttpStatusCode.OK, modelsStatus);
        var site = models!.AsArray().Single(m => (string?)m!["Id"] == website)!;
        Assert.Equal(["Id", "Name", "Url", "WebsiteProfiles"], site.AsObject().Select(p => p.Key));
        Assert.Contains(profileName, site["WebsiteProfiles"]!.AsArray().Select(p => (string?)p!["Name"]));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized);
    }

    [Fact]
    public async Task ScanInfoForPlugin_JenkinsPseudoJson_GitHubForm_AndGetByPath()
    {
        // Arrange: a scan with findings of three severities, one unconfirmed
        var scan = await fixture.Client().LaunchAsync("http://127.0.0.1:9/plugin-info/");
        await fixture.WithDbAsync(async db =>
        {
            var entity = await db.Scans.FirstAsync(s => s.Id == Guid.Parse(scan.Id()), Api.Ct);
            entity.State = ScanTaskState.AsyncArchiving;
            db.Vulnerabilities.AddRange(Finding(entity, Severity.Critical, true), Finding(entity, Severity.High, false), Finding(entity, Severity.High, true),
                Finding(entity, Severity.Information, true));
            await db.SaveChangesAsync(Api.Ct);
        });
        var jenkinsBody = $"{{'ScanId':'{scan.Id()}','DoNotFail':false,'IsConfirmed':false,'IgnoredVulnerabilityStateFilters':{{\"present\":false,\"fixedUnconfirmed\":false}}}}";

        // Act
        var (status, info) = await Jenkins().PostJsonAsync("/api/1.0/scans/ScanInfoForPlugin/", jenkinsBody);
        var (_, confirmedOnly) = await fixture.Client().PostFormAsync("/api/1.0/scans/ScanInfoForPlugin",
            $"ScanId={scan.Id()}&DoNotFail=false&IsConfirmed=true&IgnoredVulnerabilityStateFilters%5BPresent%5D=false");
        var (_, ignoringPresent) = await fixture.Client().PostFormAsync("/api/1.0/scans/ScanInfoForPlugin",
            $"ScanId={scan.Id()}&IgnoredVulnerabilityStateFilters%5BPresent%5D=true");
        var (getStatus, byPath) = await Jenkins().GetJsonAsync($"/api/1.0/scans/ScanInfoForPlugin/{scan.Id()}");
        var (unknownStatus, unknown) = await Jenkins().PostJsonAsync("/api/1.0/scans/ScanInfoForPlugin", $"{{'ScanId':'{Guid.NewGuid()}'}}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)info!["IsValid"]!);
        Assert.Equal("Archiving", (string?)info["State"]);
        Assert.Equal("{\"Critical\":1,\"High\":2}", info["FoundedSeverityAndCounts"]!.ToJsonString());
        Assert.Equal("{\"Critical\":1,\"High\":1}", confirmedOnly!["FoundedSeverityAndCounts"]!.ToJsonString());
        Assert.Equal("{}", ignoringPresent!["FoundedSeverityAndCounts"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal(scan.Id(), (string?)byPath!["ScanTaskId"]);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.False((bool)unknown!["IsValid"]!);
    }

    [Fact]
    public async Task CancelScanForPlugin_WithAnEmptyJsonBody()
    {
        var scan = await fixture.Client().LaunchAsync("http://127.0.0.1:9/plugin-cancel/");
        using var empty = new StringContent("", Encoding.UTF8);
        empty.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Jenkins().PostAsync($"/api/1.0/scans/CancelScanForPlugin/{scan.Id()}", empty, Api.Ct);
        var (_, again) = await Jenkins().PostJsonAsync($"/api/1.0/scans/CancelScanForPlugin/{scan.Id()}", "\"\"");
        var (_, detail) = await fixture.Client().GetJsonAsync($"/api/1.0/scans/detail/{scan.Id()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Api.Ct))!;
        Assert.True((bool)body["IsValid"]!);
        Assert.Equal(scan.Id(), (string?)body["ScanTaskId"]);
        Assert.Equal("Cancelled", (string?)detail!["State"]);
        Assert.False((bool)again!["IsValid"]!);
        Assert.Equal("ScanCancelled", (string?)again["ErrorMessage"]);
    }

    private async Task<string> NewWebsiteAsync()
    {
        var (_, website) = await fixture.Client().PostJsonAsync("/api/1.0/websites/new",
            new { RootUrl = $"http://127.0.0.{Random.Shared.Next(2, 250)}:{Random.Shared.Next(1000, 60000)}/", Name = "Plugin " + Guid.NewGuid().ToString("N")[..6] });
        return website!.Id();
    }

    private static VulnerabilityEntity Finding(ScanEntity scan, Severity severity, bool confirmed) => new()
    {
        Id = Guid.NewGuid(), ScanId = scan.Id, WebsiteId = scan.WebsiteId, CheckId = "test", Type = "Xss", Title = "t", Severity = severity,
        IsConfirmed = confirmed, Url = scan.TargetUrl + Guid.NewGuid().ToString("N"), Method = "GET", Fingerprint = Guid.NewGuid().ToString("N"),
        FoundAt = TimeProvider.System.GetUtcNow().UtcDateTime,
    };
}
