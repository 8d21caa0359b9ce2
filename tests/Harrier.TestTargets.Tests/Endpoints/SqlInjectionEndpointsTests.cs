using System.Diagnostics;
using System.Net;
using System.Text;

namespace Harrier.TestTargets.Tests.Endpoints;

public sealed class SqlInjectionEndpointsTests(TargetFixture fixture)
{
    [Theory]
    [InlineData("/vuln/sqli/error/mysql?name=%27", "check the manual that corresponds to your MySQL server version")]
    [InlineData("/vuln/sqli/error/postgres?id=1%27", "pg_query(): Query failed: ERROR:  unterminated quoted string")]
    [InlineData("/vuln/sqli/error/sqlite?name=%27", "SQLite3::query(): Unable to prepare statement: 1, unrecognized token")]
    [InlineData("/vuln/sqli/error/mssql?name=%27", "[Microsoft][ODBC SQL Server Driver][SQL Server]Unclosed quotation mark")]
    [InlineData("/vuln/sqli/error/oracle?id=1%27", "ORA-01756: quoted string not properly terminated")]
    [InlineData("/vuln/sqli/error/postgres?id=abc", "column &quot;abc&quot; does not exist")]
    public async Task ErrorPage_ShowsTheDatabasesOwnMessage(string pathAndQuery, string expected)
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, pathAndQuery);

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.Contains(expected, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPage_EncodesTheQuery_SoItIsNotAlsoAnXssHole()
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, "/vuln/sqli/error/postgres?id=1)%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.DoesNotContain("<script>", response.Body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1 AND 1=2")]
    [InlineData("1 OR 1=1")]
    [InlineData("1 AND SLEEP(0)")]
    public async Task ErrorBasedPage_LooksTheSameForAnyValidInput_SoItIsNotAlsoBooleanBased(string value)
    {
        // Act
        var baseline = await TargetRequests.GetAsync(fixture.Client, "/vuln/sqli/error/postgres?id=1");
        var other = await TargetRequests.GetAsync(fixture.Client, "/vuln/sqli/error/postgres?id=" + Uri.EscapeDataString(value));

        // Assert
        Assert.Equal(baseline.Body, other.Body);
    }

    [Theory]
    [InlineData("1; WAITFOR DELAY '0:0:0.6'--")]
    [InlineData("1' || pg_sleep(0.6)--")]
    [InlineData("1 AND 1=DBMS_PIPE.RECEIVE_MESSAGE(('a'),0.6)")]
    public async Task TimeBased_DelaysByThePayloadsNumber(string payload)
    {
        // Act
        var started = Stopwatch.GetTimestamp();
        await TargetRequests.GetAsync(fixture.Client, "/vuln/sqli/time?id=" + Uri.EscapeDataString(payload));

        // Assert
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public async Task TimeBased_IsBoundedByMaxInjectedDelay()
    {
        // Arrange
        await using var target = await TestTargetServer.StartAsync(
            new TestTargetOptions { GeneratedPages = 1, MaxInjectedDelay = TimeSpan.FromMilliseconds(200) }, TestContext.Current.CancellationToken);
        using var client = TargetFixture.CreateClient();

        // Act
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(target.GetUrl("/vuln/sqli/time?id=1%20AND%20SLEEP(60)"), TestContext.Current.CancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task CookiePage_SetsItsCookieOnTheFirstVisit()
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, "/vuln/sqli/cookie");

        // Assert
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Equal("category=tools; Path=/vuln/sqli/cookie; HttpOnly; SameSite=Lax", setCookie);
    }

    [Theory]
    [InlineData("/vuln/sqli/json", "not json", "application/json")]
    [InlineData("/vuln/sqli/json", "{\"other\":1}", "application/json")]
    [InlineData("/vuln/sqli/xml", "<search><name>unclosed", "application/xml")]
    public async Task BodyEndpoints_RejectMalformedBodies_WithoutADatabaseError(string path, string body, string mediaType)
    {
        // Act
        using var content = new StringContent(body, Encoding.UTF8, mediaType);
        using var response = await fixture.Client.PostAsync(path, content, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
