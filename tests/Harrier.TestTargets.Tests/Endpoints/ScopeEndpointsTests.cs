using System.Net;

namespace Harrier.TestTargets.Tests.Endpoints;

public sealed class ScopeEndpointsTests(TargetFixture fixture)
{
    [Fact]
    public async Task App_LinksOutsideItsPath_AndToTheOutOfScopeSite()
    {
        // Act
        var app = await TargetRequests.GetAsync(fixture.Client, "/app/");

        // Assert
        var links = Links.In(app.Body);
        Assert.Contains("/outside/from-app-link", links);
        Assert.Contains("/app/../outside/from-app-dot-segments", links);
        Assert.Contains("/outside/from-app-iframe", links);
        var external = TargetFixture.OutOfScope.AbsoluteUri;
        Assert.Contains(external + "from-app-link", links);
        Assert.Contains(external + "from-app-form", links);
        Assert.Contains(external + "from-app-iframe", links);
        Assert.Contains(external + "from-app-script.js", links);
        Assert.Contains($"//{TargetFixture.OutOfScope.Authority}/from-app-protocol-relative", links);
    }

    [Theory]
    [InlineData("GET", "/app/go-outside", 302, "/outside/from-app-redirect")]
    [InlineData("GET", "/app/hop-2", 301, "/outside/from-app-redirect-chain")]
    [InlineData("POST", "/app/subscribe", 307, "/outside/from-app-post-redirect")]
    [InlineData("GET", "/app/go-external", 302, "http://127.0.0.1:9/partner/from-app-redirect")]
    [InlineData("POST", "/app/subscribe-external", 307, "http://127.0.0.1:9/partner/from-app-post-redirect")]
    public async Task Redirect_LeavesTheScope(string method, string path, int status, string location)
    {
        // Act
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Hop_StartsInsideTheApp()
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, "/app/hop");

        // Assert
        Assert.Equal("/app/hop-2", response.Header("Location"));
    }

    [Fact]
    public async Task Outside_CountsEveryRequest()
    {
        // Arrange: a target of its own, so other tests' requests do not count.
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1 }, TestContext.Current.CancellationToken);
        using var client = TargetFixture.CreateClient();
        client.BaseAddress = target.BaseUrl;

        // Act
        await TargetRequests.GetAsync(client, "/app/");
        await TargetRequests.GetAsync(client, "/app/go-outside");
        var before = target.OutsideRequestCount;
        await TargetRequests.GetAsync(client, "/outside/from-app-link");
        using var post = await client.PostAsync("/outside/deeper", null, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(0, before);
        Assert.Equal(2, target.OutsideRequestCount);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public async Task WithoutOutOfScopeUrl_NoExternalLinksOrRedirects()
    {
        // Arrange
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1 }, TestContext.Current.CancellationToken);
        using var client = TargetFixture.CreateClient();
        client.BaseAddress = target.BaseUrl;

        // Act
        var app = await TargetRequests.GetAsync(client, "/app/");
        var home = await TargetRequests.GetAsync(client, "/");
        var redirect = await TargetRequests.GetAsync(client, "/app/go-external");

        // Assert
        Assert.DoesNotContain(Links.In(app.Body), link => link.StartsWith("http", StringComparison.Ordinal) || link.StartsWith("//", StringComparison.Ordinal));
        Assert.DoesNotContain(Links.In(home.Body), link => link.StartsWith("http", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, redirect.Status);
    }
}
