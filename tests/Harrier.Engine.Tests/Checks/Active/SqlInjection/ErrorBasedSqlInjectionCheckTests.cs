using Harrier.Engine.Checks.Active.SqlInjection;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.SqlInjection;

public sealed class ErrorBasedSqlInjectionCheckTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> s_errors = new()
    {
        ["mysql"] = "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ''1''' at line 1",
        ["mariadb"] = "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version",
        ["postgres"] = "ERROR:  unterminated quoted string at or near \"'1'\" LINE 1: SELECT * FROM items WHERE id = '1''",
        ["sqlite"] = "SQLite error: unrecognized token: \"'1''\"",
        ["mssql"] = "Unclosed quotation mark after the character string '1''.",
        ["oracle"] = "ORA-01756: quoted string not properly terminated",
    };

    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/items/{db}", (string db, string? id) => Breaks(id)
                ? Results.Content("<h1>Server Error</h1><pre>" + s_errors[db] + "</pre>", "text/html", statusCode: 500)
                : Results.Content("<p>Item " + id + "</p>", "text/html"));
            app.MapPost("/login", (HttpRequest request) => Breaks(request.Form["user"])
                ? Results.Content(s_errors["sqlite"], "text/plain", statusCode: 500)
                : Results.Content("Wrong password", "text/plain"));
            app.MapGet("/safe/items", (string? id) => Results.Content("<p>No item " + System.Net.WebUtility.HtmlEncode(id) + "</p>", "text/html"));
            app.MapGet("/safe/error-page", (string? id) => Results.Content("<p>Example: " + s_errors["mysql"] + "</p><p>" + id?.Length + "</p>", "text/html"));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("mysql", "MySQL")]
    [InlineData("mariadb", "MySQL")]
    [InlineData("postgres", "PostgreSQL")]
    [InlineData("sqlite", "SQLite")]
    [InlineData("mssql", "SQL Server")]
    [InlineData("oracle", "Oracle")]
    public async Task Reports_WhenQuoteCausesDatabaseError(string db, string database)
    {
        // Arrange
        var request = ScanHttpRequest.Get(_server.Url("/items/" + db + "?id=1"));

        // Act
        var run = await CheckHarness.RunActiveAsync(new ErrorBasedSqlInjectionCheck(), _server, request);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("ConfirmedSqlInjection", finding.Type);
        Assert.Equal("id", finding.Parameter);
        Assert.Contains(database, finding.Title, StringComparison.Ordinal);
        Assert.Equal(Core.Scans.Severity.Critical, finding.Severity);
        Assert.NotNull(finding.Evidence?.Proof);
    }

    [Fact]
    public async Task Reports_WhenFormFieldCausesDatabaseError()
    {
        var request = ScanHttpRequest.FormPost(_server.Url("/login"), "user=admin&password=secret");

        var run = await CheckHarness.RunActiveAsync(new ErrorBasedSqlInjectionCheck(), _server, request);

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("user", "Form"), (finding.Parameter, finding.ParameterLocation));
    }

    [Fact]
    public async Task DoesNotReport_WhenValueIsHandledSafely()
    {
        var run = await CheckHarness.RunActiveAsync(new ErrorBasedSqlInjectionCheck(), _server, ScanHttpRequest.Get(_server.Url("/safe/items?id=1")));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public async Task DoesNotReport_WhenErrorTextIsAlreadyInBaseline()
    {
        var run = await CheckHarness.RunActiveAsync(new ErrorBasedSqlInjectionCheck(), _server, ScanHttpRequest.Get(_server.Url("/safe/error-page?id=1")));

        Assert.Empty(run.Findings);
    }

    private static bool Breaks(string? value) => value is not null && (value.Contains('\'', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal));

    [Theory]
    [InlineData("sqli-error-xml")]
    [InlineData("sqli-error-json")]
    public async Task Reports_TestTargetsBodyHole_AndNothingOnItsTwin(string id)
    {
        // Arrange: the request a scanner is given for a body endpoint (its example body), as the vulnerability list names it.
        var hole = TestTargets.KnownVulnerabilities.Get(id);
        await using var target = await TestTargets.TestTargetServer.StartAsync(new TestTargets.TestTargetOptions { GeneratedPages = 10 }, TestContext.Current.CancellationToken);
        var contentType = hole.Location == TestTargets.ParameterLocation.Xml ? "application/xml" : "application/json";
        ScanHttpRequest Request(string path) => new(hole.Method, target.GetUrl(path)) { Body = hole.ExampleBody, ContentType = contentType };

        // Act
        var vulnerable = await CheckHarness.RunActiveAsync(new ErrorBasedSqlInjectionCheck(), target.BaseUrl, () => 0, Request(hole.Path));
        var safe = await CheckHarness.RunActiveAsync(new ErrorBasedSqlInjectionCheck(), target.BaseUrl, () => 0, Request(hole.SafeTwinPath!));

        // Assert
        var finding = Assert.Single(vulnerable.Findings);
        Assert.Equal(hole.Type, finding.Type);
        Assert.Equal(hole.Parameter, finding.Parameter);
        Assert.Equal(hole.Location.ToString(), finding.ParameterLocation);
        Assert.Empty(safe.Findings);
    }
}
