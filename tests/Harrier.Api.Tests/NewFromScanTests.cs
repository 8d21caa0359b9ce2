using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Harrier.Api.Tests;

/// <summary><c>POST /api/1.0/scans/newfromscan</c>: the seed document, every body form, and a faithful copy of the configuration.</summary>
public sealed partial class NewFromScanTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    /// <summary>Every configuration member a relaunch must carry over unchanged.</summary>
    private static readonly string[] s_configurationFields =
    [
        "TargetUrl", "Scope", "ExcludedLinks", "ExcludeLinks", "DisallowedHttpMethods", "Cookies", "PolicyId", "ReportPolicyId",
        "AuthenticationProfileOption", "AuthenticationProfileId", "TimeWindow", "UrlRewriteMode", "UrlRewriteRules",
        "UrlRewriteExcludedLinks", "UrlRewriteAnalyzableExtensions", "UrlRewriteBlockSeparators", "EnableHeuristicChecksInCustomUrlRewrite",
        "ImportedLinks", "AllImportedLinks", "AdditionalWebsites", "MaxScanDuration", "MaxDynamicSignatures", "SubPathMaxDynamicSignatures",
        "CrawlAndAttack", "FindAndFollowNewLinks", "Tags", "Comments", "WebsiteId", "EnablePciScanTask",
    ];

    [Fact]
    public async Task NewFromScan_Response_HasEverySeedFieldWithTheSeedsJsonType()
    {
        // Arrange: a source launched from a profile with every nested object set, so nested members are compared too
        var seed = SeedExample();
        var client = fixture.Client();
        var profileName = "seed-shape-" + Guid.NewGuid().ToString("N");
        var (profileStatus, _) = await client.PostJsonAsync("/api/1.0/scanprofiles/new", new
        {
            ProfileName = profileName,
            TargetUri = "http://127.0.0.1:9/seed/",
            AdditionalWebsites = new[] { new { Canonical = true, TargetUrl = "http://127.0.0.3:9/" } },
            TimeWindow = new { Items = new[] { new { Day = "Sunday", From = "01:00", To = "05:00", ScanningAllowed = true } } },
            UrlRewriteRules = new[] { new { PlaceholderPattern = "/p/{id}", RegexPattern = @"/p/(\d+)" } },
            UrlRewriteExcludedLinks = new[] { new { ExcludedPath = "/x/", IsRegex = true } },
            BusinessLogicRecorderSetting = new { SequenceModelList = new[] { new { Name = "checkout", BusinessLogicRecorderSettings = "[]" } } },
            Tags = new[] { "seed" },
        });
        Assert.Equal(HttpStatusCode.Created, profileStatus);
        var (sourceStatus, source) = await client.PostJsonAsync("/api/1.0/scans/newwithprofile", new { ProfileName = profileName, TargetUri = "http://127.0.0.1:9/seed/" });
        Assert.Equal(HttpStatusCode.Created, sourceStatus);

        // Act
        var created = await client.RelaunchAsync(source!.Id());

        // Assert: every member of the seed, with the seed's JSON type (null allowed where Invicti writes null)
        var mismatches = new List<string>();
        var compared = CompareShape(seed, created, "", mismatches);
        Assert.Empty(mismatches);
        Assert.Equal(96, seed.Count);
        Assert.Equal(seed.Count, created.Count);
        Assert.Equal(profileName, (string?)created["ScanTaskProfile"]?["Name"]);
        // 139 members in the seed, nested ones included; only PciScanTask (5) stays null without a PCI scan.
        Assert.Equal(134, compared);
    }

    [Fact]
    public async Task NewFromScan_CreatesAQueuedFullScanOwnedByTheCaller()
    {
        // Arrange
        var client = fixture.Client();
        var source = await client.LaunchAsync();

        // Act
        var created = await client.RelaunchAsync(source.Id());

        // Assert
        Assert.NotEqual(source.Id(), created.Id());
        Assert.Equal("Queued", (string?)created["State"]);
        Assert.Equal("Pending", (string?)created["Phase"]);
        Assert.Equal("Full", (string?)created["ScanType"]);
        Assert.Equal("00:00:00", (string?)created["Duration"]);
        Assert.Equal(0, (int)created["CompletedSteps"]!);
        Assert.Equal(0, (int)created["TotalVulnerabilityCount"]!);
        Assert.Equal(HarrierApiFixture.AdminId.ToString(), (string?)created["UserId"]);
        Assert.Null(created["StateChanged"]);
        Assert.Matches(LowerGuid(), created.Id());
        Assert.Matches(WireDate(), (string)created["InitiatedAt"]!);
    }

    [Fact]
    public async Task NewFromScan_CopiesEveryConfigurationField()
    {
        // Arrange: a launch that sets every configuration member away from its default
        var client = fixture.Client();
        var source = await client.LaunchAsync("http://127.0.0.1:9/shop/", new
        {
            Scope = "WholeDomain",
            ExcludedLinks = new[] { new { RegexPattern = @"logout\.php" }, new { RegexPattern = "admin/.*" } },
            ExcludeLinks = true,
            DisallowedHttpMethods = new[] { "PUT", "DELETE" },
            Cookies = "session=abc; theme=dark",
            CrawlAndAttack = false,
            FindAndFollowNewLinks = false,
            TimeWindow = new { Items = new[] { new { Day = "Monday", From = "09:00", To = "17:30", ScanningAllowed = true } } },
            UrlRewriteMode = "Custom",
            UrlRewriteRules = new[] { new { PlaceholderPattern = "/item/{id}", RegexPattern = @"/item/(\d+)" } },
            UrlRewriteExcludedLinks = new[] { new { ExcludedPath = "/static/", IsRegex = false } },
            UrlRewriteAnalyzableExtensions = "php,html",
            UrlRewriteBlockSeparators = "/$",
            EnableHeuristicChecksInCustomUrlRewrite = true,
            ImportedLinks = new[] { "/shop/a", "/shop/b" },
            AdditionalWebsites = new[] { new { Canonical = false, TargetUrl = "http://127.0.0.2:9/" } },
            MaxScanDuration = 3,
            MaxDynamicSignatures = 11,
            SubPathMaxDynamicSignatures = 7,
            AuthenticationProfileOption = "SelectedProfile",
            AuthenticationProfileId = "5a1a3b9c-0000-4000-8000-000000000001",
            Tags = new[] { "ci", "team:red" },
            Comments = "nightly",
            EnablePciScanTask = true,
        });

        // Act
        var created = await client.RelaunchAsync(source.Id());
        var (_, detail) = await client.GetJsonAsync($"/api/1.0/scans/detail/{created.Id()}");

        // Assert
        foreach (var field in s_configurationFields)
        {
            Assert.True(JsonNode.DeepEquals(source[field], detail![field]), $"{field}: {source[field]?.ToJsonString()} != {detail![field]?.ToJsonString()}");
        }

        Assert.Equal("WholeDomain", (string?)created["Scope"]);
        Assert.Equal("[\"PUT\",\"DELETE\"]", (string?)created["DisallowedHttpMethods"]);
        Assert.Equal("[\"logout\\\\.php\",\"admin/.*\"]", (string?)created["ExcludedLinks"]);
    }

    [Theory]
    [InlineData("application/json", "\"{0}\"")]
    [InlineData("application/json", "{{\"id\":\"{0}\"}}")]
    [InlineData("application/json", "{{\"Id\":\"{0}\"}}")]
    [InlineData("application/json", "{{'id':'{0}'}}")]
    [InlineData("application/x-www-form-urlencoded", "id={0}")]
    [InlineData("application/x-www-form-urlencoded", "={0}")]
    [InlineData("text/plain", "{0}")]
    [InlineData("application/json", "\"{1}\"")]
    public async Task NewFromScan_AcceptsEveryBodyForm(string contentType, string template)
    {
        // Arrange
        var client = fixture.Client();
        var source = await client.LaunchAsync();
        var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, source.Id(), Guid.Parse(source.Id()).ToString("N"));

        // Act
        using var content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
        using var response = await client.PostAsync("/api/1.0/scans/newfromscan", content, Api.Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("\"not-a-guid\"")]
    [InlineData("{\"id\": 42}")]
    [InlineData("[]")]
    [InlineData("{\"id\": ")]
    [InlineData("")]
    public async Task NewFromScan_MalformedIdOrBody_Is400WithMessage(string body)
    {
        var (status, error) = await fixture.Client().PostJsonAsync("/api/1.0/scans/newfromscan", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty((string?)error!["Message"]));
    }

    [Fact]
    public async Task NewFromScan_UnknownOrForeignScan_Is404WithMessage()
    {
        // Arrange
        var foreign = await fixture.OtherUserClient().LaunchAsync();

        // Act
        var (unknownStatus, unknown) = await fixture.Client().PostJsonAsync("/api/1.0/scans/newfromscan", $"\"{Guid.NewGuid()}\"");
        var (foreignStatus, foreignError) = await fixture.Client().PostJsonAsync("/api/1.0/scans/newfromscan", $"\"{foreign.Id()}\"");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Equal(HttpStatusCode.NotFound, foreignStatus);
        Assert.False(string.IsNullOrEmpty((string?)unknown!["Message"]));
        Assert.False(string.IsNullOrEmpty((string?)foreignError!["Message"]));
    }

    [Fact]
    public async Task NewFromScan_WorksFromCancelledAndDeletedScans()
    {
        // Arrange
        var client = fixture.Client();
        var cancelled = await client.LaunchAsync();
        await client.PostJsonAsync("/api/1.0/scans/cancel", $"\"{cancelled.Id()}\"");
        var deleted = await client.LaunchAsync();
        var (deleteStatus, deleteResult) = await client.PostJsonAsync("/api/1.0/scans/delete", $"[\"{deleted.Id()}\"]");

        // Act
        var fromCancelled = await client.RelaunchAsync(cancelled.Id());
        var fromDeleted = await client.RelaunchAsync(deleted.Id());

        // Assert
        Assert.Equal((HttpStatusCode.OK, "Ok"), (deleteStatus, deleteResult!.GetValue<string>()));
        Assert.Equal("Queued", (string?)fromCancelled["State"]);
        Assert.Equal("Queued", (string?)fromDeleted["State"]);
        Assert.Equal((string?)deleted["TargetUrl"], (string?)fromDeleted["TargetUrl"]);
    }

    [Fact]
    public async Task NewFromScan_HundredConcurrentCalls_CreateHundredDistinctScans()
    {
        // Arrange
        var client = fixture.Client();
        var source = await client.LaunchAsync("http://127.0.0.1:9/concurrency/");

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.PostJsonAsync("/api/1.0/scans/newfromscan", $"\"{source.Id()}\"")));

        // Assert
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        var ids = results.Select(r => r.Body!.Id()).ToHashSet();
        Assert.Equal(100, ids.Count);
        var (_, page) = await client.GetJsonAsync("/api/1.0/scans/listbywebsite?targetUrl=http://127.0.0.1:9/concurrency/&pageSize=200");
        Assert.Equal(101, (int)page!["TotalItemCount"]!);
        foreach (var id in ids.Take(5))
        {
            var (status, detail) = await client.GetJsonAsync($"/api/1.0/scans/detail/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal((string?)source["TargetUrl"], (string?)detail!["TargetUrl"]);
        }
    }

    /// <summary>The <c>json_body</c> of the seed document's example.</summary>
    internal static JsonObject SeedExample()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed-newfromscan.md"));
        var json = JsonBlock().Match(text).Groups[1].Value;
        return JsonNode.Parse(json)!.AsArray()[0]!["json_body"]!.AsObject();
    }

    /// <summary>Compares member names and JSON kinds recursively; a null where the seed has a value is allowed (Invicti writes nulls).</summary>
    internal static int CompareShape(JsonObject expected, JsonObject actual, string path, List<string> mismatches)
    {
        var compared = 0;
        foreach (var (name, value) in expected)
        {
            compared++;
            if (!actual.TryGetPropertyValue(name, out var actualValue))
            {
                mismatches.Add($"{path}{name}: missing");
                continue;
            }

            if (actualValue is null)
            {
                continue;
            }

            if (value!.GetValueKind() != actualValue.GetValueKind()
                && !(value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
                    && actualValue.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                mismatches.Add($"{path}{name}: {actualValue.GetValueKind()} instead of {value.GetValueKind()}");
            }
            else if (value is JsonObject nested && actualValue is JsonObject actualNested)
            {
                compared += CompareShape(nested, actualNested, path + name + ".", mismatches);
            }
            else if (value is JsonArray { Count: > 0 } items && items[0] is JsonObject item
                && actualValue is JsonArray { Count: > 0 } actualItems && actualItems[0] is JsonObject actualItem)
            {
                compared += CompareShape(item, actualItem, path + name + "[0].", mismatches);
            }
        }

        return compared;
    }

    [GeneratedRegex("```json\\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    internal static partial Regex LowerGuid();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+00:00$")]
    internal static partial Regex WireDate();
}
