using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Net;

namespace Harrier.TestTargets.Tests;

public sealed class TestTargetServerTests
{
    [Fact]
    public async Task StartAsync_BindsLoopbackOnAnEphemeralPort()
    {
        // Act
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1 }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("127.0.0.1", target.BaseUrl.Host);
        Assert.NotEqual(0, target.BaseUrl.Port);
        Assert.Equal("/", target.BaseUrl.AbsolutePath);
        Assert.Equal(new Uri(target.BaseUrl, "/vuln/xss/html?q=1"), target.GetUrl("/vuln/xss/html?q=1"));
    }

    [Fact]
    public async Task TwoTargets_RunSideBySide_WithTheirOwnState()
    {
        // Arrange
        await using var first = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1 }, TestContext.Current.CancellationToken);
        await using var second = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1 }, TestContext.Current.CancellationToken);
        using var client = TargetFixture.CreateClient();

        // Act
        using var hit = await client.GetAsync(first.GetUrl("/outside/x"), TestContext.Current.CancellationToken);

        // Assert
        Assert.NotEqual(first.BaseUrl, second.BaseUrl);
        Assert.Equal(1, first.OutsideRequestCount);
        Assert.Equal(0, second.OutsideRequestCount);
    }

    [Fact]
    public async Task ResponseDelay_SlowsEveryResponse()
    {
        // Arrange
        var delay = TimeSpan.FromMilliseconds(300);
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1, ResponseDelay = delay }, TestContext.Current.CancellationToken);
        using var client = TargetFixture.CreateClient();

        // Act
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(target.GetUrl("/"), TestContext.Current.CancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(elapsed >= delay, $"Answered in {elapsed}.");
    }

    [Fact]
    public async Task ResponseJitter_AddsABoundedRandomDelay()
    {
        // Arrange
        var jitter = TimeSpan.FromMilliseconds(150);
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1, ResponseJitter = jitter }, TestContext.Current.CancellationToken);
        using var client = TargetFixture.CreateClient();
        var timings = new List<TimeSpan>();

        // Act
        for (var i = 0; i < 4; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(target.GetUrl("/"), TestContext.Current.CancellationToken);
            timings.Add(Stopwatch.GetElapsedTime(started));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Assert
        Assert.All(timings, t => Assert.True(t < jitter + TimeSpan.FromSeconds(1), $"Answered in {t}."));
    }

    [Fact]
    public async Task OnRequest_SeesEveryRequestAsReceived()
    {
        // Arrange
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var target = await TestTargetServer.StartAsync(
            new TestTargetOptions { GeneratedPages = 1, OnRequest = (method, path) => seen.Enqueue($"{method} {path}") },
            TestContext.Current.CancellationToken);
        using var client = TargetFixture.CreateClient();

        // Act
        using var head = new HttpRequestMessage(HttpMethod.Head, target.GetUrl("/app/about?x=1"));
        using (await client.SendAsync(head, TestContext.Current.CancellationToken))
        {
        }

        using (await client.GetAsync(target.GetUrl("/no/such/page"), TestContext.Current.CancellationToken))
        {
        }

        // Assert
        Assert.Equal(["HEAD /app/about?x=1", "GET /no/such/page"], seen);
    }

    [Fact]
    public async Task DisposeAsync_StopsTheServer()
    {
        // Arrange
        var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1 }, TestContext.Current.CancellationToken);
        var url = target.GetUrl("/");
        using var client = TargetFixture.CreateClient();

        // Act
        await target.DisposeAsync();
        await target.DisposeAsync();

        // Assert
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(url, TestContext.Current.CancellationToken));
    }

    public static TheoryData<TestTargetOptions> InvalidOptions =>
    [
        new TestTargetOptions { GeneratedPages = -1 },
        new TestTargetOptions { Port = 70_000 },
        new TestTargetOptions { OutOfScopeBaseUrl = new Uri("/relative", UriKind.Relative) },
        new TestTargetOptions { ResponseDelay = TimeSpan.FromSeconds(-1) },
        new TestTargetOptions { ResponseJitter = TimeSpan.FromSeconds(-1) },
        new TestTargetOptions { UserName = null! },
    ];

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task StartAsync_InvalidOptions_Throws(TestTargetOptions options)
    {
        // Act + Assert
        await Assert.ThrowsAsync<ValidationException>(() => TestTargetServer.StartAsync(options, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Options_Defaults()
    {
        // Act
        var options = new TestTargetOptions();

        // Assert
        Assert.Equal(0, options.Port);
        Assert.Null(options.OutOfScopeBaseUrl);
        Assert.Equal(10_000, options.GeneratedPages);
        Assert.Equal(TimeSpan.Zero, options.ResponseDelay);
        Assert.Equal(TimeSpan.Zero, options.ResponseJitter);
        Assert.Equal(TimeSpan.FromSeconds(10), options.MaxInjectedDelay);
        Assert.Equal("harrier", options.UserName);
        Assert.Equal("harrier-pass", options.Password);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }
}
