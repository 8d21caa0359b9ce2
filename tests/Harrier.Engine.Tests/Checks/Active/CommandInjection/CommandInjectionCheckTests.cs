using System.Text.RegularExpressions;
using Harrier.Engine.Checks.Active.CommandInjection;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.CommandInjection;

/// <summary>The endpoints simulate a shell: they never run commands, they print what an injected echo would print.</summary>
public sealed class CommandInjectionCheckTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/ping/unix", (string? host) =>
            {
                var echo = Regex.Match(host ?? "", @"(?:;|\||&&|\$\(|`|\n)echo ([A-Za-z0-9']+)");
                return Results.Text("PING " + host + "\n" + (echo.Success ? echo.Groups[1].Value.Replace("''", "", StringComparison.Ordinal) + "\n" : ""));
            });
            app.MapPost("/ping/windows", (HttpRequest request) =>
            {
                var echo = Regex.Match(request.Form["host"].ToString(), @"(?:&|\|)echo ([A-Za-z0-9^]+)");
                return Results.Text("Pinging\r\n" + (echo.Success ? echo.Groups[1].Value.Replace("^", "", StringComparison.Ordinal) : ""));
            });
            app.MapGet("/safe/ping", (string? host) => Results.Text("ping: unknown host " + host));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Reports_WhenUnixSeparatorRunsEcho()
    {
        // Arrange
        var request = ScanHttpRequest.Get(_server.Url("/ping/unix?host=127.0.0.1"));

        // Act
        var run = await CheckHarness.RunActiveAsync(new CommandInjectionCheck(), _server, request);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal(("CommandInjection", "host"), (finding.Type, finding.Parameter));
        Assert.StartsWith("127.0.0.1;echo ", finding.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_WhenWindowsSeparatorRunsEcho()
    {
        var request = ScanHttpRequest.FormPost(_server.Url("/ping/windows"), "host=127.0.0.1");

        var run = await CheckHarness.RunActiveAsync(new CommandInjectionCheck(), _server, request);

        var finding = Assert.Single(run.Findings);
        Assert.Contains("^", finding.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoesNotReport_WhenValueIsOnlyReflected()
    {
        var run = await CheckHarness.RunActiveAsync(new CommandInjectionCheck(), _server, ScanHttpRequest.Get(_server.Url("/safe/ping?host=127.0.0.1")), Engine.AttackStrength.High);

        Assert.Empty(run.Findings);
    }
}
