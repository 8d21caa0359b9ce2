using System.Net;

namespace Harrier.TestTargets.Tests.Endpoints;

public sealed class AuthEndpointsTests(TargetFixture fixture)
{
    [Theory]
    [InlineData("/auth/account", "/auth/login?returnUrl=%2Fauth%2Faccount")]
    [InlineData("/auth/settings", "/auth/login?returnUrl=%2Fauth%2Fsettings")]
    [InlineData("/vuln/auth/search?q=a", "/auth/login?returnUrl=%2Fvuln%2Fauth%2Fsearch%3Fq%3Da")]
    public async Task ProtectedPage_WithoutSession_RedirectsToLogin(string path, string location)
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, path);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(location, response.Header("Location"));
    }

    [Fact]
    public async Task LoginForm_HasUserAndPasswordFields()
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, "/auth/login");

        // Assert
        Assert.Contains("<form method=\"post\" action=\"/auth/login\">", response.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"username\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("type=\"password\" name=\"password\"", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithWrongPassword_ShowsTheFormAgain_WithoutSession()
    {
        // Arrange
        using var content = new FormUrlEncodedContent([new("username", "harrier"), new("password", "wrong")]);

        // Act
        using var response = await fixture.Client.PostAsync("/auth/login", content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid user name or password.", body, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Login_SetsAnHttpOnlySessionCookie_AndTheAccountShowsTheUser()
    {
        // Act
        using var content = new FormUrlEncodedContent([new("username", "harrier"), new("password", "harrier-pass")]);
        using var login = await fixture.Client.PostAsync("/auth/login", content, TestContext.Current.CancellationToken);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        var cookie = setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
        var account = await TargetRequests.GetAsync(fixture.Client, "/auth/account", cookie);

        // Assert
        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        Assert.Equal("/auth/account", login.Headers.Location?.OriginalString);
        Assert.StartsWith("HARRIER_SESSION=", setCookie, StringComparison.Ordinal);
        Assert.Contains("HttpOnly", setCookie, StringComparison.Ordinal);
        Assert.Contains("SameSite=Lax", setCookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, account.Status);
        Assert.Contains("Signed in as <b>harrier</b>", account.Body, StringComparison.Ordinal);
        Assert.Contains("/auth/logout", Links.In(account.Body));
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        // Arrange
        var cookie = await TargetRequests.SignInAsync(fixture.Client);

        // Act
        var logout = await TargetRequests.GetAsync(fixture.Client, "/auth/logout", cookie);
        var account = await TargetRequests.GetAsync(fixture.Client, "/auth/account", cookie);

        // Assert
        Assert.Equal(HttpStatusCode.Found, logout.Status);
        Assert.Equal("/auth/login", logout.Header("Location"));
        Assert.Equal(HttpStatusCode.Found, account.Status);
    }

    [Fact]
    public async Task EndAllSessions_LosesTheSession_UntilSignedInAgain()
    {
        // Arrange
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1 }, TestContext.Current.CancellationToken);
        using var client = TargetFixture.CreateClient();
        client.BaseAddress = target.BaseUrl;
        var cookie = await TargetRequests.SignInAsync(client);

        // Act
        target.EndAllSessions();
        var lost = await TargetRequests.GetAsync(client, "/auth/account", cookie);
        var again = await TargetRequests.GetAsync(client, "/auth/account", await TargetRequests.SignInAsync(client));

        // Assert
        Assert.Equal(HttpStatusCode.Found, lost.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
    }

    [Theory]
    [InlineData("https://example.com/")]
    [InlineData("//example.com/")]
    [InlineData("/\\example.com/")]
    public async Task Login_ReturnUrl_IsLocalOnly(string returnUrl)
    {
        // Arrange
        using var content = new FormUrlEncodedContent([new("username", "harrier"), new("password", "harrier-pass"), new("returnUrl", returnUrl)]);

        // Act
        using var response = await fixture.Client.PostAsync("/auth/login", content, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("/auth/account", response.Headers.Location?.OriginalString);
    }
}
