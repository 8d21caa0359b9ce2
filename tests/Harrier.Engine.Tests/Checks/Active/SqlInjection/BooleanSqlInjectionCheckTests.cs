using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Harrier.Engine.Checks.Active.SqlInjection;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.SqlInjection;

public sealed class BooleanSqlInjectionCheckTests : IAsyncLifetime
{
    private const string Found = "<html><body><h1>Blue widget</h1><p>Item 1, price 10, in stock, ships tomorrow from the north warehouse.</p></body></html>";
    private const string NotFound = "<html><body><h1>Sorry</h1><p>No such item.</p></body></html>";
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            // Simulates SELECT ... WHERE id = <value>: a numeric condition appended to the id is evaluated.
            app.MapGet("/items", (string? id) =>
            {
                var match = Regex.Match(id ?? "", @"^1 AND (\d+)=(\d+)$");
                var exists = id == "1" || (match.Success && match.Groups[1].Value == match.Groups[2].Value);
                return Results.Content(exists ? Found : NotFound, "text/html");
            });
            // Simulates SELECT ... WHERE name = '<value>'.
            app.MapPost("/search", (HttpRequest request) =>
            {
                string name = request.Form["name"].ToString();
                var match = Regex.Match(name, @"^widget' AND '(\d+)'='(\d+)$");
                var exists = name == "widget" || (match.Success && match.Groups[1].Value == match.Groups[2].Value);
                return Results.Content(exists ? Found : NotFound, "text/html");
            });
            app.MapGet("/safe/items", (string? id) => Results.Content(id == "1" ? Found : NotFound + "<p>" + System.Net.WebUtility.HtmlEncode(id) + "</p>", "text/html"));
            app.MapGet("/safe/noisy", (string? id) => Results.Content(
                RandomNumberGenerator.GetInt32(2) == 0 ? Found : NotFound + string.Join(' ', Enumerable.Range(0, 20).Select(_ => RandomNumberGenerator.GetHexString(6))), "text/html"));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Reports_WhenTrueAndFalseConditionsChangeTheNumericQuery()
    {
        // Arrange
        var request = ScanHttpRequest.Get(_server.Url("/items?id=1"));

        // Act
        var run = await CheckHarness.RunActiveAsync(new BooleanSqlInjectionCheck(), _server, request);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal(("ConfirmedBooleanSqlInjection", "id"), (finding.Type, finding.Parameter));
        Assert.Matches(@"^1 AND (\d+)=\1$", finding.Payload!);
    }

    [Fact]
    public async Task Reports_WhenStringConditionWorksInFormField()
    {
        var request = ScanHttpRequest.FormPost(_server.Url("/search"), "name=widget");

        var run = await CheckHarness.RunActiveAsync(new BooleanSqlInjectionCheck(), _server, request);

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("name", "Form"), (finding.Parameter, finding.ParameterLocation));
    }

    [Theory]
    [InlineData("/safe/items?id=1")]
    [InlineData("/safe/noisy?id=1")]
    public async Task DoesNotReport_WhenValueIsHandledSafely_OrPageIsNoisy(string path)
    {
        var run = await CheckHarness.RunActiveAsync(new BooleanSqlInjectionCheck(), _server, ScanHttpRequest.Get(_server.Url(path)), Engine.AttackStrength.High);

        Assert.Empty(run.Findings);
    }
}
