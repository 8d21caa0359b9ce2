using System.Net;

namespace Harrier.TestTargets.Tests.Endpoints;

public sealed class CrawlEndpointsTests(TargetFixture fixture)
{
    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Redirect_AnswersItsStatus_WithAnInScopeLocation(int status)
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, $"/crawl/redirect/{status}");

        // Assert
        Assert.Equal(status, (int)response.Status);
        Assert.Equal($"/crawl/target/after-{status}", response.Header("Location"));
    }

    [Fact]
    public async Task RedirectChain_TakesThreeHops()
    {
        // Arrange
        var path = "/crawl/redirect-chain/3";
        var hops = 0;

        // Act
        TargetRequests.Sent response;
        while ((response = await TargetRequests.GetAsync(fixture.Client, path)).Status == HttpStatusCode.Found)
        {
            path = response.Header("Location")!;
            hops++;
        }

        // Assert
        Assert.Equal(3, hops);
        Assert.Equal("/crawl/target/after-chain", path);
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Theory]
    [InlineData("/crawl/meta-refresh", "<meta http-equiv=\"refresh\" content=\"0; url=/crawl/target/after-meta-refresh\">")]
    [InlineData("/crawl/frames", "<frame src=\"/crawl/target/frame-left\"")]
    [InlineData("/crawl/iframe", "<iframe src=\"/crawl/target/iframe-inner\"")]
    [InlineData("/crawl/scripts", "<script src=\"/crawl/static/app.js\">")]
    [InlineData("/crawl/static/app.js", "'/crawl/target/from-script'")]
    [InlineData("/crawl/base/", "<base href=\"/crawl/target/based/\">")]
    [InlineData("/crawl/elements", "<area shape=\"rect\" coords=\"0,0,10,10\" href=\"/crawl/target/area\"")]
    public async Task Feature_RendersItsLink(string path, string expected)
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, path);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(expected, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_AnswersAnyName_Encoded()
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, "/crawl/target/based/page%3Cb%3E");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("based/page&lt;b&gt;", response.Body, StringComparison.Ordinal);
    }
}
