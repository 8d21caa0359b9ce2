using Harrier.Engine.Checks.Passive.Cookies;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Cookies;

public sealed class CookieSecureCheckTests
{
    [Fact]
    public void Reports_CookieWithoutSecure_OnHttps()
    {
        var response = CheckHarness.Response("https://127.0.0.1:5443/login", 200, "text/html", "x",
            ("Set-Cookie", "session=abc; Path=/; HttpOnly"), ("Set-Cookie", "prefs=1; secure"));

        var finding = Assert.Single(CheckHarness.RunPassive(new CookieSecureCheck(), response));

        Assert.Equal(("CookieNotMarkedAsSecure", "session"), (finding.Type, finding.Parameter));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/", "session=abc")]
    [InlineData("https://127.0.0.1:5443/", "session=abc; SECURE")]
    [InlineData("https://127.0.0.1:5443/", "session=; Max-Age=-1")]
    public void DoesNotReport_WhenSecure_PlainHttp_OrDeletion(string url, string header)
    {
        var response = CheckHarness.Response(url, 200, "text/html", "x", ("Set-Cookie", header));

        Assert.Empty(CheckHarness.RunPassive(new CookieSecureCheck(), response));
    }
}
