using Harrier.Engine.Checks.Active.LdapInjection;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.LdapInjection;

public sealed class LdapInjectionCheckTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            // Each back end breaks on unbalanced parentheses or a bare backslash, like a value inside (uid=…).
            app.MapGet("/java", (string? uid) => Broken(uid)
                ? Html("<pre>javax.naming.directory.InvalidSearchFilterException: Unbalanced parenthesis; remaining name 'dc=example'</pre>", 500)
                : Html("<p>1 entry</p>"));
            app.MapPost("/php", (HttpRequest request) => Broken(request.Form["user"])
                ? Html("<p>Warning: ldap_search(): Search: Bad search filter in /var/www/dir.php on line 31</p>")
                : Html("<p>1 entry</p>"));
            app.MapGet("/dotnet", (string? uid) => (uid ?? "").Contains('\\', StringComparison.Ordinal)
                ? Html("<pre>System.ArgumentException: The (&amp;(uid=" + System.Net.WebUtility.HtmlEncode(uid) + ")) search filter is invalid.</pre>", 500)
                : Html("<p>1 entry</p>"));
            app.MapGet("/safe/always-error", (string? uid) => Html("<p>[LDAP: error code 49 - Invalid Credentials]</p>"));
            app.MapGet("/safe/escaped", (string? uid) => Html("<p>1 entry</p>"));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/java?uid=jdoe", "JNDI", "jdoe)")]
    [InlineData("/dotnet?uid=jdoe", ".NET", "jdoe\\")]
    public async Task Reports_WhenBrokenFilterShowsDirectoryError(string path, string library, string payload)
    {
        var run = await CheckHarness.RunActiveAsync(new LdapInjectionCheck(), _server, ScanHttpRequest.Get(_server.Url(path)));

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("LdapInjectionIast", "uid", payload), (finding.Type, finding.Parameter, finding.Payload));
        Assert.Contains(library, finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_FormField()
    {
        var run = await CheckHarness.RunActiveAsync(new LdapInjectionCheck(), _server, ScanHttpRequest.FormPost(_server.Url("/php"), "user=jdoe"));

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("POST", "user", "Form", "PHP"), (finding.Method, finding.Parameter, finding.ParameterLocation, finding.Title[(finding.Title.IndexOf('(', StringComparison.Ordinal) + 1)..^1]));
    }

    [Theory]
    [InlineData("/safe/always-error?uid=jdoe")]
    [InlineData("/safe/escaped?uid=jdoe")]
    public async Task DoesNotReport_WhenErrorIsInBaseline_OrNeverShown(string path)
    {
        var run = await CheckHarness.RunActiveAsync(new LdapInjectionCheck(), _server, ScanHttpRequest.Get(_server.Url(path)));

        Assert.Empty(run.Findings);
    }

    private static bool Broken(string? value)
    {
        var text = value ?? "";
        return text.Count(c => c == '(') != text.Count(c => c == ')') || text.Contains('\\', StringComparison.Ordinal) || text.Contains(")(", StringComparison.Ordinal);
    }

    private static IResult Html(string body, int status = 200) =>
        Results.Content("<html><body>" + body + "</body></html>", "text/html; charset=utf-8", statusCode: status);
}
