using System.Text.RegularExpressions;
using Harrier.Engine.Checks.Active.SqlInjection;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.SqlInjection;

/// <summary>Short delays (a 1 s unit: waits of 2 s and 1 s) against endpoints that sleep only when told; few tests, to keep the suite fast.</summary>
public sealed class TimeBasedSqlInjectionCheckTests : IAsyncLifetime
{
    private static readonly TimeSpan s_unit = TimeSpan.FromSeconds(1);
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            // Simulates MySQL: SLEEP(n) inside the quoted value runs.
            app.MapGet("/items", async (string? id, CancellationToken ct) =>
            {
                var match = Regex.Match(id ?? "", @"^1' AND SLEEP\((\d+)\) AND '1'='1$");
                if (match.Success)
                {
                    await Task.Delay(TimeSpan.FromSeconds(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)), ct);
                }

                return Results.Content("<p>Item</p>", "text/html");
            });
            // Slow for every value but the original one: the payload, not the delay asked, makes it slow.
            app.MapGet("/safe/slow-when-modified", async (string? id, CancellationToken ct) =>
            {
                if (id != "1")
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(2100), ct);
                }

                return Results.Content("<p>Item</p>", "text/html");
            });
            app.MapGet("/safe/slow", async (string? id, CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1100), ct);
                return Results.Content("<p>Item</p>", "text/html");
            });
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Reports_WhenDelayFollowsTheRequestedSeconds()
    {
        // Arrange
        var request = ScanHttpRequest.Get(_server.Url("/items?id=1"));

        // Act
        var run = await CheckHarness.RunActiveAsync(new TimeBasedSqlInjectionCheck(s_unit), _server, request);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal(("ConfirmedBlindSqlInjection", "id", "1' AND SLEEP(2) AND '1'='1"), (finding.Type, finding.Parameter, finding.Payload));
        Assert.True(finding.IsConfirmed);
    }

    [Fact]
    public async Task DoesNotReport_WhenEveryModifiedValueIsSlow()
    {
        var run = await CheckHarness.RunActiveAsync(new TimeBasedSqlInjectionCheck(s_unit), _server, ScanHttpRequest.Get(_server.Url("/safe/slow-when-modified?id=1")), Engine.AttackStrength.Low);

        Assert.Empty(run.Findings);
    }

    [Fact]
    public async Task DoesNotReport_AndStopsAfterOneRequest_WhenBaselineIsSlow()
    {
        var run = await CheckHarness.RunActiveAsync(new TimeBasedSqlInjectionCheck(s_unit), _server, ScanHttpRequest.Get(_server.Url("/safe/slow?id=1")), Engine.AttackStrength.Low);

        Assert.Empty(run.Findings);
        Assert.Equal(1, run.RequestsReceived);
    }
}
