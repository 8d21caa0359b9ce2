using System.Net;
using System.Text.RegularExpressions;

namespace Harrier.Web.Tests;

public sealed partial class SecurityTests(WebFixture server) : IClassFixture<WebFixture>
{
    [Theory]
    [InlineData("/signin")]
    [InlineData("/scans")]
    [InlineData("/scans/new")]
    [InlineData("/websites")]
    [InlineData("/policies")]
    [InlineData("/settings/api")]
    public async Task Pages_HaveStrictCspAndNoInlineScript(string path)
    {
        // Arrange
        using var browser = await server.SignedInAsync();

        // Act
        using var response = await browser.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineHandler(), html);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalAsset(), html);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task StateChange_WithoutCsrfToken_IsRefused()
    {
        // Arrange
        var scan = await server.LaunchAsync("http://127.0.0.1:9/csrf/");
        using var browser = await server.SignedInAsync();

        // Act
        using var response = await browser.PostFormAsync($"/scans/{scan}/cancel", csrf: null, []);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-state=\"Queued\"", await browser.GetPageAsync($"/scans/{scan}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateChange_FromAnotherOrigin_IsRefusedEvenWithToken()
    {
        var scan = await server.LaunchAsync("http://127.0.0.1:9/csrf-origin/");
        using var browser = await server.SignedInAsync();
        var page = await browser.GetPageAsync($"/scans/{scan}");

        using var response = await browser.PostFormAsync($"/scans/{scan}/cancel", Browser.CsrfToken(page), [], origin: "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task StateChange_WithAnotherUsersToken_IsRefused()
    {
        // A token from user B's page does not work in user A's session (tokens are bound to the user).
        var scan = await server.LaunchAsync("http://127.0.0.1:9/csrf-user/");
        using var other = await server.SignedInAsync(server.OtherUserId, server.OtherUserToken);
        var foreignToken = Browser.CsrfToken(await other.GetPageAsync("/scans"));
        using var browser = await server.SignedInAsync();

        using var response = await browser.PostFormAsync($"/scans/{scan}/cancel", foreignToken, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutCsrfToken_IsRefused()
    {
        using var browser = server.NewBrowser();

        using var response = await browser.PostFormAsync("/signin", csrf: null,
            [new("userId", WebFixture.AdminId.ToString()), new("token", WebFixture.AdminToken)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Assets_AreServedFromTheAssembly()
    {
        using var browser = server.NewBrowser();

        using var css = await browser.GetAsync("/ui/app.css");
        using var js = await browser.GetAsync("/ui/app.js");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Equal("text/javascript", js.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("innerHTML", await js.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=\"/ui/app\\.js\")", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAsset();
}
