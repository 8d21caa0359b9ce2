using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harrier.Api.Tests;

/// <summary>Small helpers that keep the tests about the wire, not about HttpClient plumbing.</summary>
internal static class Api
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(this HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content, Ct);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostJsonAsync(path, JsonSerializer.Serialize(body));

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostFormAsync(this HttpClient client, string path, string form)
    {
        using var content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await client.PostAsync(path, content, Ct);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Launches a scan of <paramref name="target"/> and returns the created <c>ScanTaskModel</c>.</summary>
    public static async Task<JsonObject> LaunchAsync(this HttpClient client, string target = "http://127.0.0.1:9/app/", object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { })!.AsObject();
        body["TargetUri"] = target;
        var (status, created) = await client.PostJsonAsync("/api/1.0/scans/new", body.ToJsonString());
        Assert.True(status == HttpStatusCode.Created, $"scans/new answered {status}: {created?.ToJsonString()}");
        return created!.AsArray().Single()!.AsObject();
    }

    public static async Task<JsonObject> RelaunchAsync(this HttpClient client, string scanId)
    {
        var (status, created) = await client.PostJsonAsync("/api/1.0/scans/newfromscan", $"\"{scanId}\"");
        Assert.True(status == HttpStatusCode.Created, $"newfromscan answered {status}: {created?.ToJsonString()}");
        return created!.AsObject();
    }

    public static string Id(this JsonNode? node) => node!["Id"]!.GetValue<string>();

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
