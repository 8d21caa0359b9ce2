using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Harrier.Api.Tests;
using Harrier.TestTargets;

namespace Harrier.Storage.Tests.Faults;

/// <summary>
/// Issue 9, hostile targets against the real server: while <c>harrier serve</c> runs scans of targets that stall, trickle
/// or stream an endless body (<see cref="HostileTcpServer"/>), <c>/health</c> and <c>scans/status</c> keep answering
/// (latency reported, not asserted), and every scan ends with an outcome and, when it fails, a reason.
/// </summary>
public sealed class HostileTargetServerTests : IDisposable
{
    private const string Token = "hostile-target-token-0123456789";
    private static readonly Guid s_userId = Guid.Parse("3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98");
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "harrier-hostile-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_StaysResponsive_WhileScanningHostileTargets_AndEveryScanEndsWithAReason()
    {
        // Arrange: three hostile loopback targets and a server with two agents
        var behaviours = new[] { "stall", "slow", "endless-body" };
        var targets = behaviours.Select(HostileTcpServer.Start).ToArray();
        using var server = HarrierProcess.Start(["serve", "--data-dir", _dataDir, "--urls", "http://127.0.0.1:0", "--agents", "2"],
            [KeyValuePair.Create("HARRIER_BOOTSTRAP_USER_ID", s_userId.ToString()), KeyValuePair.Create("HARRIER_BOOTSTRAP_API_TOKEN", Token)]);
        using var client = new HttpClient
        {
            BaseAddress = await server.WaitForListeningAsync(Ct),
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{s_userId}:{Token}"))) },
        };
        // A 5 s request timeout (default 30 s) keeps the stalled scans short.
        var (_, policy) = await client.PostJsonAsync("/api/1.0/scanpolicies/new", new { Name = "hostile", HttpRequestSettings = new { RequestTimeout = 5 } });
        var ids = new List<string>();
        foreach (var target in targets)
        {
            ids.Add((await client.LaunchAsync(target.AppUrl.AbsoluteUri, new { PolicyId = policy.Id() })).Id());
        }

        // Act: poll health and status while the scans run, timing every answer
        var health = new List<double>();
        var status = new List<double>();
        var ends = new Dictionary<string, (string State, string? Reason, string? Description)>();
        var started = Stopwatch.GetTimestamp();
        while (ends.Count < ids.Count)
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(3), "the scans never ended");
            health.Add(await TimeAsync(() => client.GetAsync("/health", Ct)));
            foreach (var id in ids.Except(ends.Keys).ToList())
            {
                status.Add(await TimeAsync(() => client.GetAsync($"/api/1.0/scans/status/{id}", Ct)));
                var (_, detail) = await client.GetJsonAsync($"/api/1.0/scans/detail/{id}");
                if ((string?)detail!["State"] is "Complete" or "Failed" or "Cancelled")
                {
                    ends[id] = ((string)detail["State"]!, (string?)detail["FailureReason"], (string?)detail["FailureReasonDescription"]);
                }
            }

            await Task.Delay(100, Ct);
        }

        foreach (var target in targets)
        {
            await target.DisposeAsync();
        }

        await server.TerminateAsync(Ct);

        // Assert
        TestContext.Current.TestOutputHelper?.WriteLine($"/health: {Describe(health)}; scans/status: {Describe(status)}; "
            + string.Join("; ", ids.Select((id, i) => $"{behaviours[i]}: {ends[id].State} {ends[id].Reason} \"{ends[id].Description}\"")));
        Assert.All(ids, id =>
        {
            var (state, reason, description) = ends[id];
            Assert.True(state is "Complete" or "Failed", state);
            Assert.True(state == "Complete" || !string.IsNullOrEmpty(reason) && !string.IsNullOrEmpty(description), $"{state} without a reason");
        });
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: harmless in a temp directory.
        }
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> call)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await call();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static string Describe(List<double> latencies)
    {
        var sorted = latencies.Order().ToArray();
        return $"{sorted.Length} calls, p50 {sorted[sorted.Length / 2]:F1} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:F1} ms, max {sorted[^1]:F1} ms";
    }
}
