using System.Text.RegularExpressions;
using Harrier.Engine.Checks.Active.CommandInjection;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.CommandInjection;

/// <summary>The vulnerable endpoint simulates <c>sleep n</c> after a separator with Task.Delay; a 1 s unit keeps the test short.</summary>
public sealed class TimeBasedCommandInjectionCheckTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/ping", async (string? host, CancellationToken ct) =>
            {
                var sleep = Regex.Match(host ?? "", @"(?:;|&&|\|)sleep (\d+)$");
                if (sleep.Success)
                {
                    await Task.Delay(TimeSpan.FromSeconds(int.Parse(sleep.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)), ct);
                }

                return Results.Text("done");
            });
            app.MapGet("/safe/ping", (string? host) => Results.Text("ping: unknown host " + host));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Reports_WhenSleepAfterSeparatorDelaysTheResponse()
    {
        var run = await CheckHarness.RunActiveAsync(new TimeBasedCommandInjectionCheck(TimeSpan.FromSeconds(1)), _server, ScanHttpRequest.Get(_server.Url("/ping?host=localhost")));

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("BlindCommandInjection", "localhost;sleep 2"), (finding.Type, finding.Payload));
    }

    [Fact]
    public async Task DoesNotReport_WhenValueIsOnlyReflected()
    {
        var run = await CheckHarness.RunActiveAsync(new TimeBasedCommandInjectionCheck(TimeSpan.FromSeconds(1)), _server, ScanHttpRequest.Get(_server.Url("/safe/ping?host=localhost")));

        Assert.Empty(run.Findings);
    }
}
