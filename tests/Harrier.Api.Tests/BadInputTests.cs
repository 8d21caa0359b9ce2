using System.Net;
using System.Text;

namespace Harrier.Api.Tests;

/// <summary>Bad input always gets a 400 with a <c>Message</c> (never a 500) and never leaves a half-written record.</summary>
public sealed class BadInputTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { "/api/1.0/scans/new", "{\"TargetUri\": " },
        { "/api/1.0/scans/new", "{\"TargetUri\": 42}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"not a url\"}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"javascript:alert(1)\"}" },
        { "/api/1.0/scans/new", "{}" },
        { "/api/1.0/scans/new", "[]" },
        { "/api/1.0/scans/new", "\"just a string\"" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"Scope\": \"Everywhere\"}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"Scope\": 1}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"PolicyId\": \"zzz\"}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"PolicyId\": \"6f1c0b5e-0000-4000-8000-000000000000\"}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"MaxScanDuration\": 99999999999}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"MaxDynamicSignatures\": 0}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"ExcludedLinks\": [{\"RegexPattern\": \"(unclosed\"}]}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"DisallowedHttpMethods\": [\"FETCH\"]}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"TimeWindow\": {\"Items\": [{\"Day\": \"Monday\", \"From\": \"25:99\", \"To\": \"x\"}]}}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"AuthenticationProfileOption\": \"SelectedProfile\"}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"HeaderAuthentication\": {\"IsEnabled\": true, \"Headers\": [{\"Name\": \"X\", \"Value\": \"a\\r\\nInjected: 1\"}]}}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"BasicAuthenticationApiModel\": {\"IsEnabled\": true, \"Credentials\": []}}" },
        { "/api/1.0/scans/new", "{\"TargetUri\": \"http://127.0.0.1:9/\", \"FormAuthenticationSettingModel\": {\"IsEnabled\": true}}" },
        { "/api/1.0/scans/new", "{\"CreateType\": \"WebsiteGroup\", \"WebsiteGroupId\": \"6f1c0b5e-0000-4000-8000-000000000000\"}" },
        { "/api/1.0/scans/new", new string('[', 5000) + new string(']', 5000) },
        { "/api/1.0/scans/newwithprofile", "{}" },
        { "/api/1.0/scans/newgroupscan", "{}" },
        { "/api/1.0/scans/incremental", "{\"BaseScanId\": \"no\"}" },
        { "/api/1.0/scans/retest", "{}" },
        { "/api/1.0/scans/cancel", "{\"id\": true}" },
        { "/api/1.0/scans/delete", "{\"x\": {}}" },
        { "/api/1.0/scans/delete", "[]" },
        { "/api/1.0/websites/new", "{\"RootUrl\": \"http://127.0.0.1:9/\"}" },
        { "/api/1.0/websites/update", "{\"Name\": \"x\"}" },
        { "/api/1.0/websites/delete", "{}" },
        { "/api/1.0/websitegroups/new", "{\"Name\": \"\"}" },
        { "/api/1.0/scanpolicies/new", "{\"Name\": 12}" },
        { "/api/1.0/scanprofiles/new", "{\"TargetUri\": \"http://127.0.0.1:9/\"}" },
        { "/api/1.0/scanprofiles/new", "{\"ProfileName\": \"p\", \"TargetUri\": \"nope\"}" },
        { "/api/1.0/scanprofiles/delete", "\"x\"" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadBody_Is400WithMessage_AndWritesNothing(string path, string body)
    {
        // Arrange
        var client = fixture.Client();
        var before = await CountsAsync(client);

        // Act
        var (status, error) = await client.PostJsonAsync(path, body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrWhiteSpace((string?)error!["Message"]), error.ToJsonString());
        Assert.Equal(before, await CountsAsync(client));
    }

    [Fact]
    public async Task ValidationErrors_NameTheFieldsInModelState()
    {
        var (_, error) = await fixture.Client().PostJsonAsync("/api/1.0/scans/new",
            "{\"TargetUri\": \"http://127.0.0.1:9/\", \"MaxDynamicSignatures\": 0, \"ExcludedLinks\": [{\"RegexPattern\": \"(\"}]}");

        Assert.Equal("The request is invalid.", (string?)error!["Message"]);
        Assert.NotNull(error["ModelState"]!["model.MaxDynamicSignatures"]);
        Assert.NotNull(error["ModelState"]!["model.ExcludedLinks"]);
    }

    [Fact]
    public async Task OversizedBody_Is400()
    {
        var huge = "{\"TargetUri\": \"http://127.0.0.1:9/\", \"Comments\": \"" + new string('a', 2 << 20) + "\"}";

        var (status, error) = await fixture.Client().PostJsonAsync("/api/1.0/scans/new", huge);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("too large", (string)error!["Message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUtf8_Is400()
    {
        using var content = new ByteArrayContent([.. Encoding.ASCII.GetBytes("{\"TargetUri\": \"http://127.0.0.1:9/\", \"Comments\": \""), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("\"}")]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await fixture.Client().PostAsync("/api/1.0/scans/new", content, Api.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<(int Scans, int Websites, int Profiles)> CountsAsync(HttpClient client)
    {
        var (_, scans) = await client.GetJsonAsync("/api/1.0/scans/list?pageSize=1");
        var (_, websites) = await client.GetJsonAsync("/api/1.0/websites/list?pageSize=1");
        var (_, profiles) = await client.GetJsonAsync("/api/1.0/scanprofiles/list?pageSize=1");
        return ((int)scans!["TotalItemCount"]!, (int)websites!["TotalItemCount"]!, (int)profiles!["TotalItemCount"]!);
    }
}
