using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Harrier.Api.Tests;

/// <summary>Contract §1: authentication, JSON shapes, and the request quirks of real Invicti clients.</summary>
public sealed class WireConventionsTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    [Fact]
    public async Task Authentication_MissingOrWrongCredentials_Is401WithMessage()
    {
        var cases = new[]
        {
            fixture.Anonymous(),
            fixture.Client(HarrierApiFixture.AdminId.ToString(), "wrong-token"),
            fixture.Client(fixture.OtherUserId.ToString(), HarrierApiFixture.AdminToken),
            fixture.Client("not-a-guid", HarrierApiFixture.AdminToken),
        };
        foreach (var client in cases)
        {
            using var response = await client.GetAsync("/api/1.0/scans/list", Api.Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Api.Ct))!;
            Assert.Equal("Authorization has been denied for this request.", (string?)body["Message"]);
        }
    }

    [Fact]
    public async Task Authentication_EmptyUserNameWithToken_IsAccepted()
    {
        // The Jenkins, TeamCity and Bamboo plugins send Basic base64(":" + token).
        var (status, me) = await fixture.Client("", HarrierApiFixture.AdminToken).GetJsonAsync("/api/1.0/account/me");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Administrator", (string?)me!["DisplayName"]);
    }

    [Fact]
    public async Task Json_FollowsTheWireConventions()
    {
        var created = await fixture.Client().LaunchAsync("http://127.0.0.1:9/json/", new { DisallowedHttpMethods = new[] { "TRACE" } });

        Assert.Matches(NewFromScanTests.LowerGuid(), created.Id());
        Assert.Matches(NewFromScanTests.LowerGuid(), (string)created["PolicyId"]!);
        Assert.Matches(NewFromScanTests.WireDate(), (string)created["InitiatedAt"]!);
        Assert.Equal((string?)created["InitiatedAt"], (string?)created["Initiated"]);
        Assert.Equal("00:00:00", (string?)created["Duration"]);
        Assert.Equal("[\"TRACE\"]", (string?)created["DisallowedHttpMethods"]);
        Assert.Equal(System.Text.Json.JsonValueKind.String, created["ExcludedLinks"]!.GetValueKind());
        Assert.Equal("Queued", (string?)created["State"]);
        Assert.True(created.ContainsKey("FailureReason") && created["FailureReason"] is null, "nulls are written out");
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2} (AM|PM)$", (string)created["InitiatedTime"]!);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", (string)created["InitiatedDate"]!);
    }

    [Fact]
    public async Task Input_EnumNamesAreCaseInsensitive_GuidsInAnyForm_UnknownMembersIgnored()
    {
        var created = await fixture.Client().LaunchAsync("http://127.0.0.1:9/case/", new
        {
            scope = "wholedomain",
            PolicyId = "b20186662a01e411976c0a45dbb897e8",
            IsTargetUrlRequired = true,
            SomethingNobodyKnows = new { Deep = 1 },
        });

        Assert.Equal("WholeDomain", (string?)created["Scope"]);
        Assert.Equal("b2018666-2a01-e411-976c-0a45dbb897e8", (string?)created["PolicyId"]);
    }

    [Fact]
    public async Task Input_SingleQuotedPseudoJson_IsAccepted()
    {
        var (status, created) = await fixture.Client().PostJsonAsync("/api/1.0/scans/new",
            "{'TargetUri':'http://127.0.0.1:9/quotes/','Comments':'it\\'s \"quoted\"','CrawlAndAttack':false}");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("it's \"quoted\"", (string?)created![0]!["Comments"]);
        Assert.False((bool)created[0]!["CrawlAndAttack"]!);
    }

    [Theory]
    [InlineData("ExcludedLinks[0][RegexPattern]=a%5C.b&TimeWindow[Items][0][Day]=Friday&TimeWindow[Items][0][From]=08:00&TimeWindow[Items][0][To]=10:00&TimeWindow[Items][0][ScanningAllowed]=true&Tags[]=x&Tags[]=y&MaxScanDuration=5&CrawlAndAttack=False")]
    [InlineData("ExcludedLinks.0.RegexPattern=a%5C.b&TimeWindow.Items.0.Day=Friday&TimeWindow.Items.0.From=08:00&TimeWindow.Items.0.To=10:00&TimeWindow.Items.0.ScanningAllowed=true&Tags=x&Tags=y&MaxScanDuration=5&CrawlAndAttack=false")]
    public async Task Input_FormWithNestedKeys_IsAccepted(string form)
    {
        var (status, created) = await fixture.Client().PostFormAsync("/api/1.0/scans/new", "TargetUri=http%3A%2F%2F127.0.0.1%3A9%2Fform%2F&" + form);

        Assert.Equal(HttpStatusCode.Created, status);
        var scan = created![0]!;
        Assert.Equal("[\"a\\\\.b\"]", (string?)scan["ExcludedLinks"]);
        Assert.Equal("Friday", (string?)scan["TimeWindow"]!["Items"]![0]!["Day"]);
        Assert.Equal("10:00", (string?)scan["TimeWindow"]!["Items"]![0]!["To"]);
        Assert.Equal(5, (int)scan["MaxScanDuration"]!);
        Assert.False((bool)scan["CrawlAndAttack"]!);
        Assert.Equal(["x", "y"], scan["Tags"]!.AsArray().Select(t => (string)t!).ToArray());
    }

    [Theory]
    [InlineData("/api/1.0/scans/list")]
    [InlineData("/API/1.0/Scans/List")]
    [InlineData("/api/1.0/scans/list/")]
    [InlineData("//api/1.0/scans/list")]
    [InlineData("/api/1.0/scans/list?PAGESIZE=3&Page=1")]
    public async Task Routing_IsCaseInsensitive_AndForgiving(string path)
    {
        // Absolute, so that "//api/…" is sent as a path and not read as a host name.
        var (status, page) = await fixture.Client().GetJsonAsync(fixture.BaseAddress.GetLeftPart(UriPartial.Authority) + path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page!["List"]);
        if (path.Contains("PAGESIZE", StringComparison.Ordinal))
        {
            Assert.Equal(3, (int)page["PageSize"]!);
        }
    }

    [Fact]
    public async Task Input_ChunkedBody_IsRead()
    {
        var client = fixture.Client();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"TargetUri\":\"http://127.0.0.1:9/chunked/\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/1.0/scans/new") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, Api.Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Responses_CarryJsonContentTypeAndNoCacheHeaders()
    {
        using var response = await fixture.Client().GetAsync("/api/1.0/scans/list", Api.Ct);

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task UnknownRouteAndWrongMethod_AnswerJsonMessages()
    {
        var (notFound, missing) = await fixture.Client().GetJsonAsync("/api/1.0/scans/nothing-here");
        var (wrongMethod, method) = await fixture.Client().GetJsonAsync("/api/1.0/scans/new");

        Assert.Equal(HttpStatusCode.NotFound, notFound);
        Assert.NotNull((string?)missing!["Message"]);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod);
        Assert.NotNull((string?)method!["Message"]);
    }

    [Fact]
    public async Task OpenApiDocumentAndInteractivePage_AreServed()
    {
        var client = fixture.Anonymous();
        var (status, document) = await client.GetJsonAsync("/swagger/docs/v1");
        using var page = await client.GetAsync("/swagger/index.html", Api.Ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(document!["paths"]!["/api/1.0/scans/newfromscan"]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger", await page.Content.ReadAsStringAsync(Api.Ct), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_AnswersWithoutCredentials()
    {
        using var response = await fixture.Anonymous().GetAsync("/health", Api.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
