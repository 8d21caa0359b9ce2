using System.Text.Json.Nodes;
using Harrier.Api.Tests;

namespace Harrier.EndToEnd.Tests;

/// <summary>Waiting on scans through the public API, the way CI plugins poll <c>scans/status</c>.</summary>
internal static class Scans
{
    public static async Task<JsonNode> WaitForStateAsync(this HttpClient client, string scanId, params string[] states)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var (_, detail) = await client.GetJsonAsync($"/api/1.0/scans/detail/{scanId}");
            if (states.Contains((string?)detail!["State"]))
            {
                return detail;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(120),
                $"scan {scanId} is {(string?)detail["State"]}, not {string.Join('/', states)}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<IReadOnlyList<JsonNode>> ResultAsync(this HttpClient client, string scanId)
    {
        var (_, result) = await client.GetJsonAsync($"/api/1.0/scans/result/{scanId}");
        return [.. result!.AsArray().Select(v => v!)];
    }
}
