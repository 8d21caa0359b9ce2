using Harrier.Engine.Checks;
using Harrier.Engine.Checks.Active.Ssrf;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.Ssrf;

public sealed class SsrfCheckTests : IAsyncLifetime
{
    private OutOfBandTarget _target = null!;

    public async ValueTask InitializeAsync() => _target = await OutOfBandTarget.StartAsync();

    public ValueTask DisposeAsync() => _target.DisposeAsync();

    [Theory]
    [InlineData(AttackStrength.Low)]
    [InlineData(AttackStrength.Medium)]
    public async Task Reports_WhenTheTargetFetchesTheListenerUrl(AttackStrength strength)
    {
        // Act
        var run = await _target.RunAsync(new SsrfCheck(), _target.Get("/vuln/ssrf/fetch?url=feed.xml"), strength);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("PossibleSsrf", finding.Type);
        Assert.True(finding.IsConfirmed);
        Assert.Equal("url", finding.Parameter);
        Assert.StartsWith(_target.Listener.BaseUrl.AbsoluteUri, finding.Payload, StringComparison.Ordinal);
        Assert.Contains("Out-of-band callback for token", finding.Evidence!.Proof, StringComparison.Ordinal);
        Assert.Contains(_target.Listener.Callbacks, c => finding.Payload!.Contains(c.Token, StringComparison.Ordinal) && c.Method == "GET" && c.RemoteAddress == "127.0.0.1");
        Assert.All(run.RequestsPerInsertionPoint, used => Assert.InRange(used, 0, AttackBudget.For(strength)));
    }

    [Fact]
    public async Task DoesNotReport_OnTheSafeTwin()
    {
        var run = await _target.RunAsync(new SsrfCheck(), _target.Get("/safe/ssrf/fetch?url=feed.xml"));

        Assert.Empty(run.Findings);
        Assert.Empty(_target.Listener.Callbacks);
        Assert.InRange(run.RequestsReceived, 1, 2);
    }

    [Fact]
    public async Task DoesNotReport_WhenTheFetchedFileIsExecuted_ThatIsRemoteFileInclusion()
    {
        var run = await _target.RunAsync(new SsrfCheck(), _target.Get("/vuln/rfi/page?page=intro.txt"));

        Assert.Empty(run.Findings);
        Assert.NotEmpty(_target.Listener.Callbacks); // Fetched, but the RFI check reports it.
    }

    [Fact]
    public async Task SendsNothing_WithoutListener_OrForValuesThatAreNotUrls()
    {
        var withoutListener = await _target.RunAsync(new SsrfCheck(), _target.Get("/vuln/ssrf/fetch?url=feed.xml"), withListener: false);
        var notUrlLike = await _target.RunAsync(new SsrfCheck(), _target.Get("/vuln/xss/html?q=harrier"));

        Assert.Empty(withoutListener.Findings);
        Assert.Equal(0, withoutListener.RequestsReceived);
        Assert.Equal(0, notUrlLike.RequestsReceived);
    }

    [Fact]
    public async Task BrokenResponses_DoNotStopOtherInsertionPoints()
    {
        // Arrange: "first" resets the connection when attacked, "second" fetches the URL it is given.
        using var fetcher = new HttpClient();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/preview", async (HttpContext context, string? first, string? second) =>
        {
            if (first is not null && first.Contains("127.0.0.1", StringComparison.Ordinal))
            {
                context.Abort();
                return;
            }

            if (second is not null && second.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            {
                await fetcher.GetStringAsync(new Uri(second), context.RequestAborted);
            }

            await context.Response.WriteAsync("ok", context.RequestAborted);
        }), TestContext.Current.CancellationToken);

        // Act
        var run = await CheckHarness.RunActiveAsync(
            new SsrfCheck(), server, Engine.Http.ScanHttpRequest.Get(server.Url("/preview?first=https://a.example/&second=https://b.example/")),
            outOfBand: _target.Listener);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("second", finding.Parameter);
    }
}
