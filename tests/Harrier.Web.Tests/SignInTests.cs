using System.Net;

namespace Harrier.Web.Tests;

public sealed class SignInTests(WebFixture server) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Pages_WhenSignedOut_RedirectToSignIn()
    {
        // Arrange
        using var browser = server.NewBrowser();

        // Act
        using var response = await browser.GetAsync("/scans?state=Complete");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?returnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveRegion_WhenSignedOut_Is401()
    {
        using var browser = server.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/scans/live");
        request.Headers.Add("X-Harrier-Live", "1");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithRightToken_SetsStrictHttpOnlySessionCookie()
    {
        // Arrange
        using var browser = server.NewBrowser();
        var page = await browser.GetPageAsync("/signin");

        // Act
        using var response = await browser.PostFormAsync("/signin", Browser.CsrfToken(page),
            [new("userId", WebFixture.AdminId.ToString()), new("token", WebFixture.AdminToken), new("returnUrl", "/scans?state=Queued")]);

        // Assert
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/scans?state=Queued", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("harrier.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sign out", await browser.GetPageAsync("/scans"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-token", false)]
    [InlineData(WebFixture.AdminToken, true)]
    public async Task SignIn_WithWrongCredentials_ShowsError(string token, bool otherUserId)
    {
        using var browser = server.NewBrowser();
        var userId = otherUserId ? server.OtherUserId.ToString() : WebFixture.AdminId.ToString();

        using var response = await browser.SignInAsync(userId, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not right", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("harrier.session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_ToForeignReturnUrl_LandsOnScans()
    {
        using var browser = server.NewBrowser();
        var page = await browser.GetPageAsync("/signin");

        using var response = await browser.PostFormAsync("/signin", Browser.CsrfToken(page),
            [new("userId", WebFixture.AdminId.ToString()), new("token", WebFixture.AdminToken), new("returnUrl", "//evil.example/x")]);

        Assert.Equal("/scans", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var browser = await server.SignedInAsync();

        using var response = await browser.SubmitAsync("/scans", "/signout");
        using var after = await browser.GetAsync("/scans");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Api_DoesNotAcceptTheUiSession()
    {
        using var browser = await server.SignedInAsync();

        using var response = await browser.GetAsync("/api/1.0/scans/list");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
