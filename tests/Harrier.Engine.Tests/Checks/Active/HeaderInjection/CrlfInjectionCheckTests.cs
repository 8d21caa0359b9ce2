using Harrier.Engine.Checks.Active.HeaderInjection;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.HeaderInjection;

/// <summary>Kestrel refuses CR/LF in header values, so the vulnerable endpoint simulates the split by adding the injected lines as headers.</summary>
public sealed class CrlfInjectionCheckTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/lang", (string? lang, HttpResponse response) =>
            {
                var lines = (lang ?? "").Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
                response.Headers["Content-Language"] = lines[0];
                foreach (var line in lines.Skip(1))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        response.Headers.Append(line[..colon].Trim(), line[(colon + 1)..].Trim());
                    }
                }

                return Results.Text("ok");
            });
            app.MapGet("/safe/lang", (string? lang, HttpResponse response) =>
            {
                response.Headers["Content-Language"] = (lang ?? "").Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
                return Results.Text("Language: " + lang);
            });
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Reports_WhenLineBreakAddsAResponseHeader()
    {
        var run = await CheckHarness.RunActiveAsync(new CrlfInjectionCheck(), _server, ScanHttpRequest.Get(_server.Url("/lang?lang=en")));

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("HeaderInjection", "lang"), (finding.Type, finding.Parameter));
        Assert.StartsWith("en\r\nX-Hrr-", finding.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoesNotReport_WhenLineBreaksAreRemoved_AndValueIsReflected()
    {
        var run = await CheckHarness.RunActiveAsync(new CrlfInjectionCheck(), _server, ScanHttpRequest.Get(_server.Url("/safe/lang?lang=en")), Engine.AttackStrength.High);

        Assert.Empty(run.Findings);
    }
}
