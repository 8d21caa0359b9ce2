using Harrier.Engine.Checks.Passive.Cookies;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Cookies;

public sealed class CookieSameSiteCheckTests
{
    [Theory]
    [InlineData("session=abc; Path=/", "SameSiteCookieNotImplemented")]
    [InlineData("session=abc; SameSite=", "SameSiteCookieNotImplemented")]
    [InlineData("session=abc; samesite=none", "SameSiteCookieNotMarkedAsSecure")]
    public void Reports_WhenSameSiteIsMissing_OrNoneWithoutSecure(string header, string expectedType)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", "x", ("Set-Cookie", header));

        var finding = Assert.Single(CheckHarness.RunPassive(new CookieSameSiteCheck(), response));

        Assert.Equal((expectedType, "session"), (finding.Type, finding.Parameter));
    }

    [Theory]
    [InlineData("session=abc; SameSite=Lax")]
    [InlineData("session=abc; SAMESITE=Strict")]
    [InlineData("session=abc; SameSite=None; Secure")]
    public void DoesNotReport_WhenSameSiteIsSet(string header)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", "x", ("Set-Cookie", header));

        Assert.Empty(CheckHarness.RunPassive(new CookieSameSiteCheck(), response));
    }
}
