using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Harrier.Core.Scans;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Harrier.Api.Tests;

/// <summary>
/// Issue 9, authorization matrix: every API route, taken from the server's own route table (so routes added later are covered
/// without editing this test), is called by user B with each kind of user A's ids — in the route, in the query and in the body.
/// Routes that take an id in their path answer 404 (or, where the Invicti contract answers 200 with a result, its not-found result); no answer to B ever contains A's data (every A record carries a marker
/// in its name or URL); afterwards A's records are unchanged and B's lists hold none of them.
/// </summary>
public sealed class AuthorizationMatrixTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    [Fact]
    public async Task EveryRoute_CalledByAnotherUserWithEachKindOfId_Answers404AndLeaksNothing()
    {
        // Arrange: user A's records of every kind, each carrying the marker
        var marker = "matrix-a-" + Guid.NewGuid().ToString("N")[..8];
        var a = fixture.Client();
        var b = fixture.OtherUserClient();
        var (_, policy) = await a.PostJsonAsync("/api/1.0/scanpolicies/new", new { Name = marker + " policy" });
        var (_, profile) = await a.PostJsonAsync("/api/1.0/scanprofiles/new", new { ProfileName = marker + " profile", TargetUri = $"http://127.0.0.1:9/{marker}/profile/" });
        var (_, group) = await a.PostJsonAsync("/api/1.0/websitegroups/new", new { Name = marker + " group" });
        var (_, website) = await a.PostJsonAsync("/api/1.0/websites/new", new { RootUrl = $"http://{marker}.test:9/", Name = marker + " website", Groups = new[] { marker + " group" } });
        var scan = await a.LaunchAsync($"http://127.0.0.1:9/{marker}/scan/", new { PolicyId = policy!.Id() });
        var (_, schedule) = await a.PostJsonAsync("/api/1.0/scans/schedule", new
        {
            Name = marker + " schedule", TargetUri = $"http://127.0.0.1:9/{marker}/scheduled/", NextExecutionTime = "21/07/2040 03:30 PM", ScheduleRunType = "Weekly",
        });
        var finished = await a.LaunchAsync($"http://127.0.0.1:9/{marker}/finished/");
        await fixture.CompleteWithFindingsAsync(Guid.Parse(finished.Id()), $"http://127.0.0.1:9/{marker}/finished/", ("Xss", marker, Severity.High));
        var (_, issues) = await a.GetJsonAsync("/api/1.0/issues/allissues?pageSize=200");
        var issue = issues!["List"]!.AsArray().Single(i => ((string?)i!["Url"])?.Contains(marker, StringComparison.Ordinal) == true)!;
        var ids = new Dictionary<string, string>
        {
            ["scan"] = scan.Id(),
            ["website"] = website!.Id(),
            ["group"] = group!.Id(),
            ["profile"] = (string)profile!["ProfileId"]!,
            ["policy"] = policy.Id(),
            ["scan task group"] = (string)scan["ScanTaskGroupId"]!,
            ["schedule"] = schedule!.Id(),
            ["issue"] = issue.Id(),
        };
        var routes = fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText!, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Pattern.StartsWith("/api/1.0/", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Methods.Select(m => (e.Pattern, Method: m)))
            .Distinct().OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var cases = 0;
        var idRoutes = 0;

        // Act: every route × every kind of A's id × every place an id can go
        foreach (var (pattern, method) in routes)
        {
            var takesId = pattern.Contains('{', StringComparison.Ordinal);
            idRoutes += takesId ? 1 : 0;
            foreach (var (kind, id) in ids)
            {
                foreach (var content in Bodies(method, id))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern, id) + Query(id)) { Content = content };
                    using var response = await b.SendAsync(request, Api.Ct);
                    var text = await response.Content.ReadAsStringAsync(Api.Ct);
                    cases++;
                    var what = $"{method} {pattern} with A's {kind} id → {(int)response.StatusCode}";
                    if (takesId && !IsNotFound(response.StatusCode, text))
                    {
                        failures.Add(what + " (expected 404): " + text[..Math.Min(200, text.Length)]);
                    }

                    if ((int)response.StatusCode >= 500 || text.Contains(marker, StringComparison.OrdinalIgnoreCase))
                    {
                        failures.Add(what + ": " + text[..Math.Min(300, text.Length)]);
                    }
                }
            }
        }

        // Assert: nothing leaked, nothing of A's changed, nothing of A's in B's lists
        TestContext.Current.TestOutputHelper?.WriteLine($"authorization matrix: {cases} cases over {routes.Count} routes ({idRoutes} with an id in the path), {ids.Count} kinds of id");
        Assert.True(routes.Count >= 40, $"only {routes.Count} routes found");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join('\n', failures.Take(30)));
        Assert.Equal("Queued", (string?)(await a.GetJsonAsync($"/api/1.0/scans/detail/{ids["scan"]}")).Body!["State"]);
        foreach (var path in new[] { $"websites/get/{ids["website"]}", $"websitegroups/get/{ids["group"]}", $"scanprofiles/get/{ids["profile"]}", $"scanpolicies/get/{ids["policy"]}" })
        {
            var (status, body) = await a.GetJsonAsync("/api/1.0/" + path);
            Assert.True(status == HttpStatusCode.OK && body!.ToJsonString().Contains(marker, StringComparison.Ordinal), $"A's {path} changed: {status}");
        }

        foreach (var list in routes.Where(r => r.Method == "GET" && !r.Pattern.Contains('{', StringComparison.Ordinal)).Select(r => r.Pattern))
        {
            // As text: some lists are CSV (issues/report) or HTML.
            using var response = await b.GetAsync(list + "?pageSize=200", Api.Ct);
            Assert.DoesNotContain(marker, await response.Content.ReadAsStringAsync(Api.Ct), StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>404, or the contract's 200 with a not-found result (<c>"ScanNotFound"</c>, <c>{"Result": "NotFound", …}</c>).</summary>
    private static bool IsNotFound(HttpStatusCode status, string text)
    {
        if (status == HttpStatusCode.NotFound)
        {
            return true;
        }

        var body = status == HttpStatusCode.OK && text.Length > 0 ? JsonNode.Parse(text) : null;
        var result = body is JsonValue value ? value.ToString() : (string?)body?["Result"];
        return result?.EndsWith("NotFound", StringComparison.Ordinal) == true;
    }

    private static string Fill(string pattern, string id) =>
        string.Join('/', pattern.Split('/').Select(segment => segment.StartsWith('{') ? id : segment));

    /// <summary>Every id-like query parameter the API knows (lookups by name and URL are <see cref="IsolationTests"/>' part).</summary>
    private static string Query(string id) =>
        $"?id={id}&scanId={id}&websiteId={id}&profileId={id}&policyId={id}&groupId={id}&websiteGroupId={id}";

    /// <summary>For POST: the id alone, in an array, and under every id-like property name the contract uses.</summary>
    private static IEnumerable<HttpContent?> Bodies(string method, string id)
    {
        if (method != "POST")
        {
            yield return null;
            yield break;
        }

        yield return Json($"\"{id}\"");
        yield return Json($"[\"{id}\"]");
        yield return Json($"{{\"Id\":\"{id}\",\"ScanId\":\"{id}\",\"BaseScanId\":\"{id}\",\"WebsiteId\":\"{id}\",\"ProfileId\":\"{id}\",\"PolicyId\":\"{id}\","
            + $"\"ReportPolicyId\":\"{id}\",\"WebsiteGroupId\":\"{id}\",\"GroupId\":\"{id}\",\"ScanTaskGroupId\":\"{id}\"}}");
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
