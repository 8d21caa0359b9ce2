using System.Collections.Concurrent;
using Harrier.Api.Tests;
using Harrier.Engine.Tests.Infrastructure;
using Harrier.TestTargets;

namespace Harrier.EndToEnd.Tests;

/// <summary>Scope safety, pause/resume, cancel and time windows on real scans.</summary>
public sealed class ScanControlEndToEndTests(ScanningFixture fixture) : IClassFixture<ScanningFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scan_NeverLeavesItsScope_NorUsesADisallowedMethod()
    {
        // Arrange: /app/ links, frames, posts and redirects to /outside/ and to a second loopback server
        await using var counter = await LoopbackServer.StartAsync("counted", Ct);
        var requests = new ConcurrentQueue<(string Method, string PathAndQuery)>();
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions
        {
            OutOfScopeBaseUrl = counter.BaseUri,
            OnRequest = (method, path) => requests.Enqueue((method, path)),
        }, Ct);
        var client = fixture.Client();

        // Act
        var scan = await client.LaunchAsync(target.GetUrl("/app/").AbsoluteUri, new { DisallowedHttpMethods = new[] { "POST" } });
        var done = await client.WaitForStateAsync(scan.Id(), "Complete", "Failed");

        // Assert
        Assert.Equal("Complete", (string?)done["State"]);
        Assert.True((int)done["CompletedSteps"]! > 5);
        Assert.Equal(0, counter.RequestCount);
        Assert.Equal(0, target.OutsideRequestCount);
        Assert.All(requests, r => Assert.True(
            r.PathAndQuery.StartsWith("/app/", StringComparison.Ordinal) || r.PathAndQuery is "/robots.txt" or "/sitemap.xml",
            $"{r.Method} {r.PathAndQuery} is outside /app/"));
        Assert.DoesNotContain(requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task PauseStopsSending_ResumeContinuesWhereItStopped()
    {
        // Arrange: a slow target, so the scan is still running when it is paused
        var requests = new ConcurrentQueue<string>();
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions
        {
            GeneratedPages = 100,
            ResponseDelay = TimeSpan.FromMilliseconds(20),
            OnRequest = (_, path) => requests.Enqueue(path),
        }, Ct);
        var client = fixture.Client();
        var scan = await client.LaunchAsync(target.BaseUrl.AbsoluteUri);
        await WaitForRequestsAsync(requests, 30);

        // Act: pause
        var (_, paused) = await client.PostJsonAsync("/api/1.0/scans/pause", $"\"{scan.Id()}\"");
        await client.WaitForStateAsync(scan.Id(), "Paused");
        var atPause = requests.Count;
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var afterWaiting = requests.Count;

        // Act: resume
        var (_, resumed) = await client.PostJsonAsync("/api/1.0/scans/resume", $"\"{scan.Id()}\"");
        var done = await client.WaitForStateAsync(scan.Id(), "Complete", "Failed");

        // Assert: nothing sent while paused (a request already on the wire may still land), then it finished without starting over
        Assert.Equal("Ok", paused!.GetValue<string>());
        Assert.Equal("Ok", resumed!.GetValue<string>());
        Assert.True(afterWaiting - atPause <= 10, $"{afterWaiting - atPause} requests arrived while paused");
        Assert.Equal("Complete", (string?)done["State"]);
        Assert.Equal(1, requests.Count(path => path == "/robots.txt"));
        Assert.True(requests.Count > afterWaiting);
    }

    [Fact]
    public async Task CancelStopsTheScan()
    {
        // Arrange
        var requests = new ConcurrentQueue<string>();
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions
        {
            ResponseDelay = TimeSpan.FromMilliseconds(20),
            OnRequest = (_, path) => requests.Enqueue(path),
        }, Ct);
        var client = fixture.Client();
        var scan = await client.LaunchAsync(target.BaseUrl.AbsoluteUri);
        await WaitForRequestsAsync(requests, 30);

        // Act
        var (_, result) = await client.PostJsonAsync("/api/1.0/scans/cancel", $"\"{scan.Id()}\"");
        var done = await client.WaitForStateAsync(scan.Id(), "Cancelled");
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        var settled = requests.Count;
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        // Assert
        Assert.Equal("Ok", result!.GetValue<string>());
        Assert.True((bool)done["IsCompleted"]!);
        Assert.Equal(settled, requests.Count);
    }

    [Fact]
    public async Task OutsideItsTimeWindow_AScanWaitsDelayed_AndSendsNothing()
    {
        // Arrange: every day forbidden all day (From == To covers the whole day)
        var requests = new ConcurrentQueue<string>();
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { OnRequest = (_, path) => requests.Enqueue(path) }, Ct);
        var client = fixture.Client();
        var allDays = Enum.GetNames<DayOfWeek>().Select(day => new { Day = day, From = "00:00", To = "00:00", ScanningAllowed = false });

        // Act
        var scan = await client.LaunchAsync(target.BaseUrl.AbsoluteUri, new { TimeWindow = new { Items = allDays } });
        var delayed = await client.WaitForStateAsync(scan.Id(), "Delayed");
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        var (_, cancelled) = await client.PostJsonAsync("/api/1.0/scans/cancel", $"\"{scan.Id()}\"");
        await client.WaitForStateAsync(scan.Id(), "Cancelled");

        // Assert
        Assert.NotNull((string?)delayed["AgentName"]);
        Assert.Empty(requests);
        Assert.Equal("Ok", cancelled!.GetValue<string>());
    }

    private static async Task WaitForRequestsAsync(ConcurrentQueue<string> requests, int count)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (requests.Count < count)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(60), "the scan never started sending");
            await Task.Delay(20, Ct);
        }
    }
}
