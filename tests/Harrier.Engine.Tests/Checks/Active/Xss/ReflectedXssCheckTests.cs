using System.Text.Encodings.Web;
using Harrier.Engine.Checks.Active.Xss;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.Xss;

public sealed class ReflectedXssCheckTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/text", (string? q) => Html("<p>Results for " + q + "</p>"));
            app.MapGet("/attribute", (string? q) => Html("<form><input name=\"q\" value=\"" + q + "\"></form>"));
            app.MapGet("/single-quoted", (string? q) => Html("<a title='" + q?.Replace("<", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal) + "'>x</a>"));
            app.MapGet("/comment", (string? q) => Html("<!-- searched: " + q?.Replace("-->", "", StringComparison.Ordinal).Replace("--!>", "", StringComparison.Ordinal) + " -->"));
            app.MapPost("/form", (HttpRequest request) => Html("<p>Hello " + request.Form["name"] + "</p>"));
            app.MapGet("/safe/text", (string? q) => Html("<p>Results for " + HtmlEncoder.Default.Encode(q ?? "") + "</p>"));
            app.MapGet("/safe/attribute", (string? q) => Html("<input value=\"" + HtmlEncoder.Default.Encode(q ?? "") + "\">"));
            app.MapGet("/safe/not-reflected", (string? q) => Html("<p>Thanks</p>"));
            app.MapGet("/safe/json", (string? q) => Results.Text("{\"q\":\"" + q + "\"}", "application/json"));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/text?q=shoes")]
    [InlineData("/attribute?q=shoes")]
    [InlineData("/single-quoted?q=shoes")]
    public async Task Reports_WhenPayloadStructureSurvives(string path)
    {
        // Arrange
        var request = ScanHttpRequest.Get(_server.Url(path));

        // Act
        var run = await CheckHarness.RunActiveAsync(new ReflectedXssCheck(), _server, request);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("Xss", finding.Type);
        Assert.Equal("q", finding.Parameter);
        Assert.Equal("Query", finding.ParameterLocation);
        Assert.True(finding.IsConfirmed);
        Assert.Contains(finding.Payload!, finding.Evidence!.RawResponse, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_WhenFormFieldIsReflected()
    {
        var request = ScanHttpRequest.FormPost(_server.Url("/form"), "name=harrier");

        var run = await CheckHarness.RunActiveAsync(new ReflectedXssCheck(), _server, request);

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("Xss", "name", "Form", "POST"), (finding.Type, finding.Parameter, finding.ParameterLocation, finding.Method));
    }

    [Fact]
    public async Task ReportsPossible_WhenMarkupIsReflectedWithoutStructure()
    {
        var request = ScanHttpRequest.Get(_server.Url("/comment?q=a"));

        var run = await CheckHarness.RunActiveAsync(new ReflectedXssCheck(), _server, request);

        var finding = Assert.Single(run.Findings);
        Assert.Equal("PossibleXss", finding.Type);
        Assert.False(finding.IsConfirmed);
    }

    [Theory]
    [InlineData("/safe/text?q=shoes")]
    [InlineData("/safe/attribute?q=shoes")]
    [InlineData("/safe/json?q=shoes")]
    public async Task DoesNotReport_WhenValueIsEncodedOrNotHtml(string path)
    {
        var run = await CheckHarness.RunActiveAsync(new ReflectedXssCheck(), _server, ScanHttpRequest.Get(_server.Url(path)));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public async Task DoesNotReport_WhenValueIsNotReflected_AndSendsOnlyTheProbe()
    {
        var run = await CheckHarness.RunActiveAsync(new ReflectedXssCheck(), _server, ScanHttpRequest.Get(_server.Url("/safe/not-reflected?q=1")));

        Assert.Empty(run.Findings);
        Assert.Equal(1, run.RequestsReceived);
    }

    private static IResult Html(string body) => Results.Content("<html><body>" + body + "</body></html>", "text/html; charset=utf-8");
}
