using System.Text.Encodings.Web;
using Harrier.Engine.Checks.Active.OpenRedirect;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.OpenRedirect;

public sealed class OpenRedirectCheckTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/go", (string? url) => Results.Redirect(url ?? "/"));
            app.MapGet("/go/meta", (string? url) => Results.Content(
                "<html><head><meta http-equiv=\"refresh\" content=\"0; url=" + HtmlEncoder.Default.Encode(url ?? "/") + "\"></head></html>", "text/html"));
            app.MapGet("/go/script", (string? url) => Results.Content(
                "<html><body><script>window.location.href = \"" + JavaScriptEncoder.Default.Encode(url ?? "/") + "\";</script></body></html>", "text/html"));
            // Only paths are redirected to; //host and /\host are rejected.
            app.MapPost("/go/post", (HttpRequest request) => Results.Redirect(request.Form["next"].ToString()));
            app.MapGet("/safe/go", (string? url) => Results.Redirect(url is { Length: > 1 } u && u[0] == '/' && u[1] != '/' && u[1] != '\\' ? u : "/"));
            app.MapGet("/safe/link", (string? url) => Results.Content("<a href=\"" + HtmlEncoder.Default.Encode(url ?? "") + "\">continue</a>", "text/html"));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/go?url=/home")]
    [InlineData("/go/meta?url=/home")]
    [InlineData("/go/script?url=/home")]
    public async Task Reports_WhenResponseSendsTheBrowserToTheInjectedHost(string path)
    {
        // Arrange
        var request = ScanHttpRequest.Get(_server.Url(path));

        // Act
        var run = await CheckHarness.RunActiveAsync(new OpenRedirectCheck(), _server, request);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal(("OpenRedirect", "url"), (finding.Type, finding.Parameter));
        Assert.Contains(".example", finding.Evidence!.Proof, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Requests, r => r.Contains(".example", StringComparison.Ordinal) && !r.Contains("url=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportsInPost_WhenFormFieldRedirects()
    {
        var run = await CheckHarness.RunActiveAsync(new OpenRedirectCheck(), _server, ScanHttpRequest.FormPost(_server.Url("/go/post"), "next=%2Fhome"));

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("OpenRedirectInPost", "POST"), (finding.Type, finding.Method));
    }

    [Theory]
    [InlineData("/safe/go?url=/home")]
    [InlineData("/safe/link?url=/home")]
    public async Task DoesNotReport_WhenOnlyLocalPathsAreAccepted_OrValueIsOnlyALink(string path)
    {
        var run = await CheckHarness.RunActiveAsync(new OpenRedirectCheck(), _server, ScanHttpRequest.Get(_server.Url(path)), Engine.AttackStrength.High);

        Assert.Empty(run.Findings);
    }
}
