using Harrier.Engine.Checks.Passive.Headers;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Headers;

public sealed class StrictTransportSecurityCheckTests
{
    [Theory]
    [InlineData(null, "HstsNotEnabled")]
    [InlineData("max-age=3600", "HstsMaxAge")]
    [InlineData("max-age=0", "HstsMaxAge")]
    [InlineData("includeSubDomains", "HstsErrors")]
    [InlineData("max-age=abc", "HstsErrors")]
    [InlineData("max-age=31536000; max-age=10", "HstsErrors")]
    public void Reports_WhenHttpsPolicyIsMissingShortOrMalformed(string? value, string expectedType)
    {
        // Arrange
        var headers = value is null ? [] : new[] { ("Strict-Transport-Security", value) };
        var first = CheckHarness.Response("https://127.0.0.1:5443/a", 200, "text/html", "<p>a</p>", headers);
        var second = CheckHarness.Response("https://127.0.0.1:5443/b", 200, "text/html", "<p>b</p>", headers);

        // Act
        var findings = CheckHarness.RunPassive(new StrictTransportSecurityCheck(), first, second);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(expectedType, finding.Type);
        Assert.Equal("https://127.0.0.1:5443/a", finding.Url);
    }

    [Theory]
    [InlineData("https://127.0.0.1:5443/", "max-age=31536000; includeSubDomains")]
    [InlineData("https://127.0.0.1:5443/", "MAX-AGE=\"63072000\"; preload")]
    [InlineData("http://127.0.0.1:5000/", null)]
    public void DoesNotReport_WhenPolicyIsSound_OrSiteIsPlainHttp(string url, string? value)
    {
        var headers = value is null ? [] : new[] { ("Strict-Transport-Security", value) };
        var response = CheckHarness.Response(url, 200, "text/html", "<p>x</p>", headers);

        Assert.Empty(CheckHarness.RunPassive(new StrictTransportSecurityCheck(), response));
    }
}
