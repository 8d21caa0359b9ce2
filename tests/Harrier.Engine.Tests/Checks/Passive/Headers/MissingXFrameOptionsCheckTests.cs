using Harrier.Engine.Checks.Passive.Headers;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Headers;

public sealed class MissingXFrameOptionsCheckTests
{
    private const string Page = "<html><body>hi</body></html>";

    [Fact]
    public void Reports_WhenHtmlPageHasNoFramingProtection_OncePerSite()
    {
        // Arrange
        var first = CheckHarness.Response("http://127.0.0.1:5000/a", 200, "text/html", Page);
        var second = CheckHarness.Response("http://127.0.0.1:5000/b", 200, "text/html", Page);
        var otherSite = CheckHarness.Response("http://127.0.0.1:5001/a", 200, "text/html", Page);

        // Act
        var findings = CheckHarness.RunPassive(new MissingXFrameOptionsCheck(), first, second, otherSite);

        // Assert
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("MissingXFrameOptionsHeader", f.Type));
        Assert.Equal(["http://127.0.0.1:5000/a", "http://127.0.0.1:5001/a"], findings.Select(f => f.Url));
        Assert.Null(findings[0].Parameter);
    }

    [Fact]
    public void Reports_AtThePageThatLacksTheHeader_WhenOtherPagesHaveIt()
    {
        var protectedRoot = CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", Page, ("X-Frame-Options", "DENY"));
        var bare = CheckHarness.Response("http://127.0.0.1:5000/admin/panel?tab=1", 200, "text/html", Page);

        var finding = Assert.Single(CheckHarness.RunPassive(new MissingXFrameOptionsCheck(), protectedRoot, bare));

        Assert.Equal("http://127.0.0.1:5000/admin/panel", finding.Url);
    }

    [Theory]
    [InlineData("X-Frame-Options", "DENY")]
    [InlineData("x-frame-options", "SAMEORIGIN")]
    [InlineData("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")]
    public void DoesNotReport_WhenFramingIsControlled(string header, string value)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", Page, (header, value));

        Assert.Empty(CheckHarness.RunPassive(new MissingXFrameOptionsCheck(), response));
    }

    [Theory]
    [InlineData(200, "application/json", "{}")]
    [InlineData(404, "text/html", Page)]
    [InlineData(302, "text/html", Page)]
    public void DoesNotReport_WhenResponseIsNotARenderedPage(int status, string contentType, string body)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", status, contentType, body);

        Assert.Empty(CheckHarness.RunPassive(new MissingXFrameOptionsCheck(), response));
    }
}
