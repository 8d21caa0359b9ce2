using Harrier.Engine.Checks.Passive.Cookies;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Cookies;

public sealed class CookieHttpOnlyCheckTests
{
    [Fact]
    public void Reports_EachCookieWithoutHttpOnly_OncePerName()
    {
        // Arrange
        var first = CheckHarness.Response("http://127.0.0.1:5000/a", 200, "text/html", "x",
            ("Set-Cookie", "session=abc; Path=/; Secure"), ("Set-Cookie", "theme=dark; path=/"), ("Set-Cookie", "auth=1; path=/; httponly"));
        var second = CheckHarness.Response("http://127.0.0.1:5000/b", 200, "text/html", "x", ("Set-Cookie", "session=def; Path=/"));

        // Act
        var findings = CheckHarness.RunPassive(new CookieHttpOnlyCheck(), first, second);

        // Assert
        Assert.Equal(["session", "theme"], findings.Select(f => f.Parameter));
        Assert.All(findings, f => Assert.Equal(("CookieNotMarkedAsHttpOnly", "Cookie", "http://127.0.0.1:5000/a"), (f.Type, f.ParameterLocation, f.Url)));
    }

    [Theory]
    [InlineData("session=abc; HttpOnly")]
    [InlineData("session=abc; HTTPONLY; Secure")]
    [InlineData("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT")]
    [InlineData("session=abc; Max-Age=0")]
    [InlineData("XSRF-TOKEN=abc; Path=/")]
    public void DoesNotReport_WhenHttpOnly_DeletionOrAntiForgeryCookie(string header)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", "x", ("Set-Cookie", header));

        Assert.Empty(CheckHarness.RunPassive(new CookieHttpOnlyCheck(), response));
    }
}
