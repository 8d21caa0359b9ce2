using Harrier.Core.Scans;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Authentication;

public sealed class FormLoginSessionTests : IAsyncLifetime
{
    private LoopbackServer _site = null!;

    public async ValueTask InitializeAsync()
    {
        _site = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Html("<a href='/account/'>account</a>"));
            app.MapGet("/login", () => Html(
                "<form method='post' action='/login'><input type='hidden' name='csrf' value='t0k'>" +
                "<input name='username'><input type='password' name='pwd'><button>Sign in</button></form>"));
            app.MapPost("/login", (HttpRequest request, HttpResponse response) =>
            {
                if (request.Form["username"] == "alice" && request.Form["pwd"] == "plain:s3cret" && request.Form["csrf"] == "t0k")
                {
                    response.Headers.Append("Set-Cookie", "auth=ok; Path=/; HttpOnly");
                    return Results.Redirect("/account/");
                }

                return Html("<p>Wrong</p><form method='post' action='/login'><input name='username'><input type='password' name='pwd'></form>");
            });
            // The search page is linked only from the page that drops the session, so the crawler always reaches it
            // after the session is lost: the re-login is certain, not a matter of which request finishes first.
            app.MapGet("/account/", (HttpRequest request) => LoggedIn(request)
                ? Html("<a href='/account/drop-session'>refresh</a><a href='/account/logout'>out</a>")
                : Results.Redirect("/login"));
            app.MapGet("/account/search", (HttpRequest request, string? q) => LoggedIn(request) ? Html("<p>" + q + "</p>") : Results.Redirect("/login"));
            app.MapGet("/account/drop-session", (HttpResponse response) =>
            {
                response.Headers.Append("Set-Cookie", "auth=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
                return Html("<p>dropped</p><a href='/account/search?q=x'>search</a>");
            });
            app.MapGet("/account/logout", () => Html("bye"));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task Login_ThenScansTheLoggedInArea_AndLogsInAgainWhenTheSessionIsLost()
    {
        // Arrange
        var sink = new RecordingSink();
        var configuration = Configuration("s3cret");

        // Act
        var outcome = await Scans.RunAsync(configuration, sink, Scans.FastPolicy with { EnabledCheckIds = new HashSet<string> { "reflected-xss" } });

        // Assert
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Contains(sink.Findings, f => f.Type == "Xss" && f.Url.Contains("/account/search", StringComparison.Ordinal));
        Assert.DoesNotContain(_site.Requests, r => r.Contains("logout", StringComparison.Ordinal));
        Assert.Contains("GET /account/drop-session", _site.Requests);
        Assert.True(_site.Requests.Count(r => r == "POST /login") >= 2, "expected a second login after the session was dropped");
    }

    [Fact]
    public async Task Retest_LogsInFirst_AndReproducesTheSignedInFinding()
    {
        // Arrange
        var policy = Scans.FastPolicy with { EnabledCheckIds = new HashSet<string> { "reflected-xss" } };
        var full = new RecordingSink();
        await Scans.RunAsync(Configuration("s3cret"), full, policy);
        var xss = Assert.Single(full.Findings, f => f.Url.Contains("/account/search", StringComparison.Ordinal));
        var sentBefore = _site.Requests.Count;
        var sink = new RecordingSink();

        // Act
        var request = Scans.Request(Configuration("s3cret"), policy) with { Retest = new RetestPlan([xss]) };
        var outcome = await new ScanEngine(TimeProvider.System).RunAsync(request, sink, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Equal([xss.Fingerprint], sink.Findings.Select(f => f.Fingerprint));
        var retestRequests = _site.Requests.Skip(sentBefore).ToList();
        Assert.Contains("POST /login", retestRequests);
        Assert.DoesNotContain(retestRequests, r => r.Contains("drop-session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_WithWrongPassword_FailsTheScan()
    {
        var outcome = await Scans.RunAsync(Configuration("wrong"), new RecordingSink());

        Assert.Equal(ScanOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(ScanFailureReason.LoginFailed, outcome.FailureReason);
        Assert.DoesNotContain("wrong", outcome.FailureDescription, StringComparison.Ordinal);
    }

    private ScanConfiguration Configuration(string password) => Scans.Configuration(_site.BaseUri) with
    {
        Scope = ScanTaskScope.WholeDomain,
        Authentication = new TargetAuthentication
        {
            Form = new FormAuthentication(_site.Url("/login").AbsoluteUri, _site.Url("/account/").AbsoluteUri, "alice", new EncryptedSecret(password), [], null, false, false, false),
        },
    };

    private static bool LoggedIn(HttpRequest request) => request.Cookies["auth"] == "ok";

    private static IResult Html(string body) => Results.Content("<html><body>" + body + "</body></html>", "text/html");
}
