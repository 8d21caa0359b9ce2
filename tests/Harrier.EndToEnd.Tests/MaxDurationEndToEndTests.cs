using System.Collections.Concurrent;
using Harrier.Api.Tests;
using Harrier.Engine;
using Harrier.TestTargets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.EndToEnd.Tests;

/// <summary>A scanning server whose engine runs on a clock the test moves, so hours of MaxScanDuration pass at once.</summary>
public sealed class FakeEngineClockFixture : HarrierApiFixture
{
    public FakeTimeProvider EngineClock { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        KeyValuePair.Create("Harrier:Agents", (string?)"1"),
        KeyValuePair.Create("Harrier:Agent:IdlePollInterval", (string?)"00:00:00.100"),
        KeyValuePair.Create("Harrier:Agent:ControlPollInterval", (string?)"00:00:00.100"),
    ];

    protected override void ReplaceServices(IServiceCollection services) =>
        services.AddSingleton(provider => new ScanEngine(EngineClock, provider.GetRequiredService<ILoggerFactory>()));
}

public sealed class MaxDurationEndToEndTests(FakeEngineClockFixture fixture) : IClassFixture<FakeEngineClockFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MaxScanDuration_EndsTheScanAsComplete_WithWhatItFound()
    {
        // Arrange: a slow target, so the scan is far from done when its hour runs out
        var requests = new ConcurrentQueue<string>();
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions
        {
            GeneratedPages = 2000,
            ResponseDelay = TimeSpan.FromMilliseconds(20),
            OnRequest = (_, path) => requests.Enqueue(path),
        }, Ct);
        var client = fixture.Client();
        var scan = await client.LaunchAsync(target.BaseUrl.AbsoluteUri, new { MaxScanDuration = 1, IsMaxScanDurationEnabled = true, UrlRewriteMode = "None" });
        await client.WaitForStateAsync(scan.Id(), "Scanning");
        while (requests.Count < 50)
        {
            await Task.Delay(20, Ct);
        }

        // Act: the scan's hour passes
        fixture.EngineClock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var done = await client.WaitForStateAsync(scan.Id(), "Complete", "Failed", "Cancelled");

        // Assert: complete (not failed), stopped early — far fewer requests than the 2,000-page site needs
        Assert.Equal("Complete", (string?)done["State"]);
        Assert.Null(done["FailureReason"]);
        Assert.InRange((int)done["CompletedSteps"]!, 50, 1999);
    }
}
