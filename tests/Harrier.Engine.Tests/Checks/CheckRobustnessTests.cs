using System.Text;
using Harrier.Engine.Checks;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks;

/// <summary>
/// Responses that break (unknown charset with null bytes, binary bodies, resets, truncated bodies) never make a check
/// throw, and never stop it from attacking the next insertion point.
/// </summary>
public sealed class CheckRobustnessTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public static TheoryData<string, string> ChecksByHostileEndpoint
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var check in CheckRegistry.All.OfType<IActiveCheck>())
            {
                foreach (var endpoint in new[] { "/charset", "/binary", "/reset", "/truncated" })
                {
                    data.Add(check.Metadata.Id, endpoint);
                }
            }

            return data;
        }
    }

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            // Only the first parameter breaks the response; the second always gets a normal page.
            app.Use(async (context, next) =>
            {
                if (context.Request.Query["b"].ToString() != "x" || context.Request.Query["a"].ToString() == "1")
                {
                    await context.Response.WriteAsync("<html><body><p>ok</p></body></html>");
                    return;
                }

                await next(context);
            });
            app.MapGet("/charset", async context =>
            {
                context.Response.ContentType = "text/html; charset=no-such-charset-42";
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<html><body>\0\0<p>" + context.Request.Query["a"] + "\0</p><script>eval(location.hash)\0</script>"));
            });
            app.MapGet("/binary", async context =>
            {
                context.Response.ContentType = "text/html";
                await context.Response.Body.WriteAsync(Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 256)).ToArray());
            });
            app.MapGet("/reset", context =>
            {
                context.Abort();
                return Task.CompletedTask;
            });
            app.MapGet("/truncated", async context =>
            {
                context.Response.ContentType = "text/html";
                context.Response.ContentLength = 10_000;
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<html><body><p>" + context.Request.Query["a"]));
                await context.Response.Body.FlushAsync();
                context.Abort();
            });
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(ChecksByHostileEndpoint))]
    public async Task ActiveCheck_SurvivesBrokenResponses_AndGoesOnToTheNextInsertionPoint(string id, string endpoint)
    {
        // Arrange
        var check = (IActiveCheck)CheckRegistry.All.Single(c => c.Metadata.Id == id);

        // Act
        var run = await CheckHarness.RunActiveAsync(check, _server, ScanHttpRequest.Get(_server.Url(endpoint + "?a=1&b=x")), AttackStrength.Low);

        // Assert
        Assert.Equal(2, run.RequestsPerInsertionPoint.Count);
        Assert.All(run.RequestsPerInsertionPoint, used => Assert.InRange(used, 0, AttackBudget.For(AttackStrength.Low)));
    }

    [Fact]
    public void PassiveChecks_SurviveBinaryAndNullBytes()
    {
        var bodies = new[]
        {
            CheckHarness.Response("http://127.0.0.1/x", 200, "text/html; charset=bogus", "<script>\0document.write(location.search\0</script>"),
            CheckHarness.Response("http://127.0.0.1/y.js", 200, "application/javascript", new string('\0', 100) + "eval(((((location.hash"),
            CheckHarness.Response("http://127.0.0.1/z", 200, "text/html", "<script>" + new string('(', 10_000) + "</script>"),
        };

        foreach (var check in CheckRegistry.All.OfType<IPassiveCheck>())
        {
            _ = CheckHarness.RunPassive(check, bodies);
        }
    }
}
