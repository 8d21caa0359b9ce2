using Harrier.Engine.Checks;
using Harrier.Engine.Checks.Resource;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Resource;

public sealed class WeakCredentialsCheckTests
{
    private const string LoginPage =
        "<html><body><form method=\"post\" action=\"/login\"><input name=\"username\"><input type=\"password\" name=\"password\">" +
        "<button>Sign in</button></form></body></html>";

    [Fact]
    public async Task Reports_DefaultCredentialsThatSignIn()
    {
        // Arrange: admin / password signs in (redirect to /home); anything else shows the form again.
        await using var server = await LoopbackServer.StartAsync(app => MapLogin(app, "admin", "password"), TestContext.Current.CancellationToken);

        // Act
        var run = await CheckHarness.RunResourceAsync(new WeakCredentialsCheck(), server, [server.Url("/login")]);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("WeakCredentials", finding.Type);
        Assert.Equal("POST", finding.Method);
        Assert.Equal(server.Url("/login").AbsoluteUri, finding.Url);
        Assert.Equal("admin / password", finding.Payload);
        Assert.Equal(3, run.RequestsReceived); // The wrong login, admin/admin, admin/password.
    }

    [Fact]
    public async Task DoesNotReport_WhenNoDefaultPairSignsIn()
    {
        await using var server = await LoopbackServer.StartAsync(app => MapLogin(app, "owner", "Xk9!long-passphrase"), TestContext.Current.CancellationToken);

        var run = await CheckHarness.RunResourceAsync(new WeakCredentialsCheck(), server, [server.Url("/login")]);

        Assert.Empty(run.Findings);
        Assert.InRange(run.RequestsReceived, 1, 7);
    }

    [Fact]
    public async Task DoesNotReport_WhenEveryLoginLooksTheSame()
    {
        // A form that answers every submission with a thank-you page: no refusal to compare with, so nothing is judged.
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/login", () => Results.Content(LoginPage, "text/html"));
            app.MapPost("/login", () => Results.Content("<p>Thanks</p>", "text/html"));
        }, TestContext.Current.CancellationToken);

        var run = await CheckHarness.RunResourceAsync(new WeakCredentialsCheck(), server, [server.Url("/login")]);

        Assert.Empty(run.Findings);
        Assert.Equal(1, run.RequestsReceived);
    }

    [Fact]
    public void IsOffByDefault_AndRunsWhenAPolicyEnablesIt()
    {
        Assert.False(new WeakCredentialsCheck().Metadata.EnabledByDefault);
        Assert.DoesNotContain(CheckRegistry.Resource(null), c => c is WeakCredentialsCheck);
        Assert.Contains(CheckRegistry.Resource(new HashSet<string> { "weak-credentials" }), c => c is WeakCredentialsCheck);
        Assert.Contains(CheckRegistry.Resource(null), c => c is SensitiveFileCheck);
    }

    private static void MapLogin(WebApplication app, string user, string password)
    {
        app.MapGet("/login", () => Results.Content(LoginPage, "text/html"));
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return form["username"] == user && form["password"] == password
                ? Results.Redirect("/home")
                : Results.Content("<p>Wrong user name or password.</p>" + LoginPage, "text/html");
        });
    }
}
