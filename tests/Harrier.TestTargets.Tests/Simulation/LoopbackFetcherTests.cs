using Harrier.Engine.Tests.Infrastructure;
using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Tests.Simulation;

/// <summary>The target's only outgoing HTTP (SSRF, XXE, RFI) must never leave the machine.</summary>
public sealed class LoopbackFetcherTests
{
    [Theory]
    [InlineData("http://10.0.0.1/feed")]
    [InlineData("http://192.0.2.1/")]
    [InlineData("http://example.com/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task Fetch_RefusesAnythingButLoopback(string url)
    {
        var body = await LoopbackFetcher.FetchAsync(new Uri(url), TestContext.Current.CancellationToken);

        Assert.StartsWith("Could not connect to", body, StringComparison.Ordinal);
        Assert.False(LoopbackFetcher.IsLoopback(new Uri(url)));
    }

    [Fact]
    public async Task Fetch_ReadsLoopbackUrls()
    {
        await using var receiver = await LoopbackServer.StartAsync("hello from loopback", TestContext.Current.CancellationToken);

        var body = await LoopbackFetcher.FetchAsync(receiver.Url("/x"), TestContext.Current.CancellationToken);

        Assert.Equal("hello from loopback", body);
        Assert.Equal(["GET /x"], receiver.Requests);
    }

    [Fact]
    public async Task Fetch_Localhost_ConnectsOnlyToLoopbackAddresses()
    {
        await using var receiver = await LoopbackServer.StartAsync("local", TestContext.Current.CancellationToken);

        var body = await LoopbackFetcher.FetchAsync(new Uri($"http://localhost:{receiver.BaseUri.Port}/y"), TestContext.Current.CancellationToken);

        Assert.Equal("local", body);
    }
}
