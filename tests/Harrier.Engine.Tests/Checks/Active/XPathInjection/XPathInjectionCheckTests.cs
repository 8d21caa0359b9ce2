using Harrier.Engine.Checks.Active.XPathInjection;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.XPathInjection;

public sealed class XPathInjectionCheckTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            // Each back end breaks on an odd number of single quotes, like a value inside '…'.
            app.MapGet("/php", (string? name) => Broken(name)
                ? Html("<p>Warning: DOMXPath::query(): Invalid predicate in /var/www/staff.php on line 9</p>")
                : Html("<p>Done.</p>"));
            app.MapGet("/dotnet", (string? name) => Broken(name)
                ? Html("<pre>System.Xml.XPath.XPathException: This is an unclosed string.</pre>", 500)
                : Html("<p>Done.</p>"));
            app.MapPost("/java", (HttpRequest request) => Broken(request.Form["user"])
                ? Html("<pre>javax.xml.xpath.XPathExpressionException: misquoted literal... expected single quote</pre>", 500)
                : Html("<p>Done.</p>"));
            app.MapGet("/safe/always-error", (string? name) => Html("<p>Warning: DOMXPath::query(): Invalid expression in /var/www/x.php on line 3</p>"));
            app.MapGet("/safe/bound", (string? name) => Html("<p>Done.</p>"));
            app.MapGet("/safe/prose", (string? name) => Html("<p>XPath errors such as an unclosed string in " + System.Net.WebUtility.HtmlEncode(name) + " are logged.</p>"));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/php?name=alice", "libxml2 (PHP)")]
    [InlineData("/dotnet?name=alice", ".NET")]
    public async Task Reports_WhenBrokenExpressionShowsXPathError(string path, string engine)
    {
        var run = await CheckHarness.RunActiveAsync(new XPathInjectionCheck(), _server, ScanHttpRequest.Get(_server.Url(path)));

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("XPathInjectionIast", "name", "Query", "alice'"), (finding.Type, finding.Parameter, finding.ParameterLocation, finding.Payload));
        Assert.True(finding.IsConfirmed);
        Assert.Contains(engine, finding.Title, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(finding.Evidence!.Proof));
    }

    [Fact]
    public async Task Reports_FormField()
    {
        var run = await CheckHarness.RunActiveAsync(new XPathInjectionCheck(), _server, ScanHttpRequest.FormPost(_server.Url("/java"), "user=bob"));

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("POST", "user", "Form"), (finding.Method, finding.Parameter, finding.ParameterLocation));
        Assert.Contains("Java", finding.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/safe/always-error?name=alice")]
    [InlineData("/safe/bound?name=alice")]
    [InlineData("/safe/prose?name=alice")]
    public async Task DoesNotReport_WhenErrorIsInBaseline_OrNeverShown(string path)
    {
        var run = await CheckHarness.RunActiveAsync(new XPathInjectionCheck(), _server, ScanHttpRequest.Get(_server.Url(path)));

        Assert.Empty(run.Findings);
        Assert.Equal(5, run.RequestsReceived); // One per payload of xpath-payloads.txt; the baseline is the crawled response.
    }

    private static bool Broken(string? value) => (value ?? "").Count(c => c == '\'') % 2 == 1;

    private static IResult Html(string body, int status = 200) =>
        Results.Content("<html><body>" + body + "</body></html>", "text/html; charset=utf-8", statusCode: status);
}
