using System.Globalization;
using System.Text.RegularExpressions;
using Harrier.Engine.Checks;
using Harrier.Engine.Checks.Active.RemoteFileInclusion;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.RemoteFileInclusion;

public sealed class RemoteFileInclusionCheckTests : IAsyncLifetime
{
    private OutOfBandTarget _target = null!;

    public async ValueTask InitializeAsync() => _target = await OutOfBandTarget.StartAsync();

    public ValueTask DisposeAsync() => _target.DisposeAsync();

    [Theory]
    [InlineData(AttackStrength.Low)]
    [InlineData(AttackStrength.High)]
    public async Task Reports_WhenTheListenersFileIsFetchedAndRun(AttackStrength strength)
    {
        // Act
        var run = await _target.RunAsync(new RemoteFileInclusionCheck(), _target.Get("/vuln/rfi/page?page=intro.txt"), strength);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("Rfi", finding.Type);
        Assert.Equal("page", finding.Parameter);
        var product = finding.Evidence!.Proof!.Split(' ')[0];
        Assert.Matches("^[0-9]{9,10}$", product);
        Assert.Contains(product, finding.Evidence.RawResponse, StringComparison.Ordinal);
        Assert.Contains("Out-of-band callback", finding.Evidence.Proof, StringComparison.Ordinal);
        Assert.All(run.RequestsPerInsertionPoint, used => Assert.InRange(used, 0, AttackBudget.For(strength)));
    }

    [Fact]
    public async Task DoesNotReport_OnTheSafeTwin()
    {
        var run = await _target.RunAsync(new RemoteFileInclusionCheck(), _target.Get("/safe/rfi/page?page=intro.txt"));

        Assert.Empty(run.Findings);
        Assert.Empty(_target.Listener.Callbacks);
    }

    [Fact]
    public async Task DoesNotReport_WhenTheFileIsOnlyFetchedAndShown()
    {
        var run = await _target.RunAsync(new RemoteFileInclusionCheck(), _target.Get("/vuln/ssrf/fetch?url=feed.xml"));

        Assert.Empty(run.Findings);
        Assert.NotEmpty(_target.Listener.Callbacks);
    }

    [Fact]
    public async Task DoesNotReport_WhenTheProductAppearsWithoutCallback()
    {
        // A page that computes whatever arithmetic it is shown, without fetching anything.
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/calc", (string? page) =>
        {
            var numbers = Regex.Matches(page ?? "", "[0-9]{5}").Select(m => long.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            return Results.Text(numbers.Count == 2 ? (numbers[0] * numbers[1]).ToString(CultureInfo.InvariantCulture) : "none");
        }), TestContext.Current.CancellationToken);

        var run = await CheckHarness.RunActiveAsync(new RemoteFileInclusionCheck(), server, Engine.Http.ScanHttpRequest.Get(server.Url("/calc?page=intro.txt")), outOfBand: _target.Listener);

        Assert.Empty(run.Findings);
    }

    [Fact]
    public async Task BrokenResponses_DoNotStopOtherInsertionPoints()
    {
        // Arrange: "file" resets the connection when attacked; "page" includes it and runs its one-statement "PHP".
        using var fetcher = new HttpClient();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/doc", async (HttpContext context, string? file, string? page) =>
        {
            if (file is not null && file.Contains("127.0.0.1", StringComparison.Ordinal))
            {
                context.Abort();
                return;
            }

            var output = "intro";
            if (page is not null && page.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            {
                var source = await fetcher.GetStringAsync(new Uri(page), context.RequestAborted);
                output = Regex.Replace(source, @"<\?php echo (\d+)\*(\d+); \?>", m =>
                    (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
            }

            await context.Response.WriteAsync(output, context.RequestAborted);
        }), TestContext.Current.CancellationToken);

        // Act
        var run = await CheckHarness.RunActiveAsync(
            new RemoteFileInclusionCheck(), server, Engine.Http.ScanHttpRequest.Get(server.Url("/doc?file=a.txt&page=intro.txt")), outOfBand: _target.Listener);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("page", finding.Parameter);
    }
}
