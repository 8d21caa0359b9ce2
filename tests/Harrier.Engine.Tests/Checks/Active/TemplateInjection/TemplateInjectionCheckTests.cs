using System.Globalization;
using System.Text.RegularExpressions;
using Harrier.Engine.Checks.Active.TemplateInjection;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.TemplateInjection;

/// <summary>The endpoints simulate template engines by evaluating only the multiplication syntax they stand for.</summary>
public sealed class TemplateInjectionCheckTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/hello/jinja", (string? name) => Results.Content("<p>Hello " + Evaluate(name ?? "", @"\{\{(\d+)\*(\d+)\}\}") + "</p>", "text/html"));
            app.MapGet("/hello/razor", (string? name) => Results.Content("<p>Hello " + Evaluate(name ?? "", @"@\((\d+)\*(\d+)\)") + "</p>", "text/html"));
            app.MapGet("/safe/hello", (string? name) => Results.Content("<p>Hello " + name + "</p>", "text/html"));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/hello/jinja?name=bob", "{{")]
    [InlineData("/hello/razor?name=bob", "@(")]
    public async Task Reports_WhenArithmeticIsEvaluatedTwice(string path, string syntax)
    {
        // Arrange
        var request = ScanHttpRequest.Get(_server.Url(path));

        // Act
        var run = await CheckHarness.RunActiveAsync(new TemplateInjectionCheck(), _server, request);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("Ssti", finding.Type);
        Assert.StartsWith("bob" + syntax, finding.Payload, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence!.Proof!, finding.Evidence.RawResponse, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoesNotReport_WhenExpressionIsOnlyReflected()
    {
        var run = await CheckHarness.RunActiveAsync(new TemplateInjectionCheck(), _server, ScanHttpRequest.Get(_server.Url("/safe/hello?name=bob")), Engine.AttackStrength.High);

        Assert.Empty(run.Findings);
    }

    private static string Evaluate(string value, string pattern) =>
        Regex.Replace(value, pattern, m => (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
}
