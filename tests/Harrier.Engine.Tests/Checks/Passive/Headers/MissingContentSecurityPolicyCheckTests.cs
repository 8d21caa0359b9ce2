using Harrier.Engine.Checks.Passive.Headers;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Headers;

public sealed class MissingContentSecurityPolicyCheckTests
{
    private const string Page = "<html><body>hi</body></html>";

    [Fact]
    public void Reports_WhenHtmlPageHasNoPolicy_OncePerSite()
    {
        var findings = CheckHarness.RunPassive(
            new MissingContentSecurityPolicyCheck(),
            CheckHarness.Response("http://127.0.0.1:5000/a", 200, "text/html", Page),
            CheckHarness.Response("http://127.0.0.1:5000/b", 200, "text/html; charset=utf-8", Page),
            CheckHarness.Response("http://127.0.0.1:5000/c", 200, "text/html", Page, ("Content-Security-Policy-Report-Only", "default-src 'self'")));

        var finding = Assert.Single(findings);
        Assert.Equal("CspNotImplemented", finding.Type);
        Assert.Equal("http://127.0.0.1:5000/a", finding.Url);
    }

    [Fact]
    public void DoesNotReport_WhenPolicyIsPresent()
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", Page, ("Content-Security-Policy", "default-src 'self'"));

        Assert.Empty(CheckHarness.RunPassive(new MissingContentSecurityPolicyCheck(), response));
    }
}
