using Harrier.Engine.Checks.Passive.Headers;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Headers;

public sealed class MissingReferrerPolicyCheckTests
{
    private const string Page = "<html><head><title>t</title></head><body>hi</body></html>";

    [Fact]
    public void Reports_HtmlPagesWithoutReferrerPolicy_OncePerSite()
    {
        var first = CheckHarness.Response("http://127.0.0.1:5000/vuln/a", 200, "text/html", Page);
        var second = CheckHarness.Response("http://127.0.0.1:5000/vuln/b", 200, "text/html", Page);

        var findings = CheckHarness.RunPassive(new MissingReferrerPolicyCheck(), first, second);

        var finding = Assert.Single(findings);
        Assert.Equal("ReferrerPolicyNotImplemented", finding.Type);
        Assert.Equal("http://127.0.0.1:5000/vuln/a", finding.Url);
    }

    [Theory]
    [InlineData("Referrer-Policy", "strict-origin-when-cross-origin", Page)]
    [InlineData("referrer-policy", "no-referrer", Page)]
    [InlineData("X-Other", "1", "<html><head><meta name=\"referrer\" content=\"no-referrer\"></head><body>hi</body></html>")]
    public void DoesNotReport_WhenAPolicyIsSet(string header, string value, string body)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", body, (header, value));

        Assert.Empty(CheckHarness.RunPassive(new MissingReferrerPolicyCheck(), response));
    }

    [Theory]
    [InlineData(200, "application/json", "{}")]
    [InlineData(404, "text/html", Page)]
    public void DoesNotReport_ResponsesThatAreNotRenderedPages(int status, string contentType, string body)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", status, contentType, body);

        Assert.Empty(CheckHarness.RunPassive(new MissingReferrerPolicyCheck(), response));
    }
}
