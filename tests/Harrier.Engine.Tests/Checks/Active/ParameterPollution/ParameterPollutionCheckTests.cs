using System.Net;
using Harrier.Engine.Checks.Active.ParameterPollution;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.ParameterPollution;

public sealed class ParameterPollutionCheckTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/link", (string? lang) => Html("<a href=\"" + WebUtility.HtmlEncode("/print?lang=" + lang + "&format=pdf") + "\">print</a>"));
            app.MapPost("/form", (HttpRequest request) => Html("<form method=\"post\" action=\"/vote?poll=" + WebUtility.HtmlEncode(request.Form["poll"]) + "\"><button>Vote</button></form>"));
            app.MapGet("/safe/link", (string? lang) => Html("<a href=\"" + WebUtility.HtmlEncode("/print?lang=" + Uri.EscapeDataString(lang ?? "") + "&format=pdf") + "\">print</a>"));
            app.MapGet("/safe/text", (string? lang) => Html("<p>Language: " + WebUtility.HtmlEncode(lang) + "</p><a href=\"/print\">print</a>"));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Reports_WhenInjectedPairBecomesAParameterOfAGeneratedLink()
    {
        var run = await CheckHarness.RunActiveAsync(new ParameterPollutionCheck(), _server, ScanHttpRequest.Get(_server.Url("/link?lang=en")));

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("PossibleHpp", "lang", "Query"), (finding.Type, finding.Parameter, finding.ParameterLocation));
        Assert.StartsWith("/print?lang=en&", finding.Evidence!.Proof, StringComparison.Ordinal);
        Assert.Equal(1, run.RequestsReceived);
    }

    [Fact]
    public async Task Reports_FormFieldInFormAction()
    {
        var run = await CheckHarness.RunActiveAsync(new ParameterPollutionCheck(), _server, ScanHttpRequest.FormPost(_server.Url("/form"), "poll=7"));

        Assert.Equal("poll", Assert.Single(run.Findings).Parameter);
    }

    [Theory]
    [InlineData("/safe/link?lang=en")]
    [InlineData("/safe/text?lang=en")]
    public async Task DoesNotReport_WhenValueIsUrlEncodedOrOnlyShownAsText(string path)
    {
        var run = await CheckHarness.RunActiveAsync(new ParameterPollutionCheck(), _server, ScanHttpRequest.Get(_server.Url(path)));

        Assert.Empty(run.Findings);
    }

    private static IResult Html(string body) => Results.Content("<html><body>" + body + "</body></html>", "text/html; charset=utf-8");
}
