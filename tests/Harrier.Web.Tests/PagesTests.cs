using System.Net;
using System.Text.RegularExpressions;
using Harrier.Storage.Users;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Web.Tests;

public sealed partial class PagesTests(WebFixture server) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task NewScan_WithBadValues_ExplainsEachAndLaunchesNothing()
    {
        // Arrange
        using var browser = await server.SignedInAsync();
        var before = await CountScansAsync();
        var csrf = Browser.CsrfToken(await browser.GetPageAsync("/scans/new"));

        // Act
        using var response = await browser.PostFormAsync("/scans/new", csrf,
        [
            new("target", "ftp://<b>x</b>"), new("maxHours", "0"), new("timeWindow", "on"), new("windowFrom", "10:00"), new("windowTo", "09:00"),
            new("saveProfile", "on"), new("profileName", ""),
        ]);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter an absolute http:// or https:// URL", html, StringComparison.Ordinal);
        Assert.Contains("from 1 to 8760", html, StringComparison.Ordinal);
        Assert.Contains("Choose at least one day", html, StringComparison.Ordinal);
        Assert.Contains("end after the start", html, StringComparison.Ordinal);
        Assert.Contains("Name the scan profile", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ftp://&lt;b&gt;x&lt;/b&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"target-error\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountScansAsync());
    }

    [Fact]
    public async Task NewScan_ApiValidation_IsShownOnTheField()
    {
        using var browser = await server.SignedInAsync();
        var csrf = Browser.CsrfToken(await browser.GetPageAsync("/scans/new"));

        using var response = await browser.PostFormAsync("/scans/new", csrf,
            [new("target", "http://127.0.0.1:9/api-validation/"), new("excludedLinks", "(unclosed"), new("auth", "form"), new("formLoginUrl", "not a url")]);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a valid regular expression", html, StringComparison.Ordinal);
        Assert.Contains("LoginFormUrl", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScan_WithEverySetting_LaunchesAndSavesProfile()
    {
        // Arrange
        using var browser = await server.SignedInAsync();
        var csrf = Browser.CsrfToken(await browser.GetPageAsync("/scans/new"));

        // Act
        using var response = await browser.PostFormAsync("/scans/new", csrf,
        [
            new("target", "http://127.0.0.1:9/full-form/"), new("scope", "OnlyEnteredUrl"), new("excludedLinks", "logout\n/admin/.*"),
            new("disallowed", "DELETE"), new("disallowed", "PUT"), new("cookies", "a=b"), new("auth", "headers"), new("headers", "X-Key: s3cret"),
            new("timeWindow", "on"), new("days", "Saturday"), new("days", "Sunday"), new("windowFrom", "01:00"), new("windowTo", "05:00"),
            new("maxHours", "3"), new("saveProfile", "on"), new("profileName", "Weekend full form"),
        ]);

        // Assert
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var id = Guid.Parse(ScanId().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
        await server.WithDbAsync(async db =>
        {
            var scan = await db.Scans.SingleAsync(s => s.Id == id, TestContext.Current.CancellationToken);
            var c = scan.Configuration;
            Assert.Equal(Core.Scans.ScanTaskScope.OnlyEnteredUrl, c.Scope);
            Assert.Equal(["logout", "/admin/.*"], c.ExcludedLinks);
            Assert.Equal([Core.Scans.HttpMethodName.PUT, Core.Scans.HttpMethodName.DELETE], c.DisallowedHttpMethods.Order());
            Assert.Equal("X-Key", Assert.Single(c.Authentication.Headers).Name);
            Assert.Equal(2, c.TimeWindow!.Items.Count(i => i.ScanningAllowed));
            Assert.True(c.IsMaxScanDurationEnabled);
            Assert.Equal(3, c.MaxScanDuration);
            Assert.True(await db.ScanProfiles.AnyAsync(p => p.Name == "Weekend full form", TestContext.Current.CancellationToken));
        });
    }

    [Fact]
    public async Task Policies_CreateAndToggleChecks()
    {
        // Arrange
        using var browser = await server.SignedInAsync();
        var csrf = Browser.CsrfToken(await browser.GetPageAsync("/policies"));

        // Act: create with two checks, then switch to one.
        using var created = await browser.PostFormAsync("/policies/new", csrf,
            [new("name", "Only <XSS>"), new("check", "reflected-xss"), new("check", "cors-misconfiguration")]);
        var location = created.Headers.Location!.OriginalString;
        var page = await browser.GetPageAsync(location);
        var policyPath = location.Split('?')[0];
        using var saved = await browser.PostFormAsync(policyPath + "/checks", Browser.CsrfToken(page), [new("check", "reflected-xss")]);
        var after = await browser.GetPageAsync(policyPath);

        // Assert
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        Assert.Contains("Only &lt;XSS&gt;", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Single(CheckedBoxes().Matches(after));
        Assert.Contains("value=\"reflected-xss\" checked", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policies_BuiltInIsReadOnly()
    {
        using var browser = await server.SignedInAsync();
        var list = await browser.GetPageAsync("/policies");
        var builtIn = PolicyLink().Match(list).Groups[1].Value;
        var page = await browser.GetPageAsync("/policies/" + builtIn);

        using var response = await browser.PostFormAsync($"/policies/{builtIn}/checks", Browser.CsrfToken(page), []);

        Assert.Contains("disabled", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Websites_ShowThreatLevelAndChart()
    {
        var scan = await server.LaunchAsync("http://127.0.0.1:19/chart/");
        await server.WithDbAsync(async db =>
        {
            var entity = await db.Scans.SingleAsync(s => s.Id == scan, TestContext.Current.CancellationToken);
            entity.State = Core.Scans.ScanTaskState.Complete;
            entity.HighCount = 2;
            entity.LowCount = 1;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        using var browser = await server.SignedInAsync();

        var html = await browser.GetPageAsync("/websites");

        Assert.Contains("threat-insecure", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("scan 1: 0 critical, 2 high, 0 medium, 1 low", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateToken_ShowsItOnce_StoresHash_EndsOtherSessions()
    {
        // Arrange: the other user, with a second browser signed in.
        using var browser = await server.SignedInAsync(server.OtherUserId, server.OtherUserToken);
        using var second = await server.SignedInAsync(server.OtherUserId, server.OtherUserToken);

        // Act
        using var response = await browser.SubmitAsync("/settings/api", "/settings/api/rotate");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = NewToken().Match(html).Groups[1].Value;

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(43, token.Length);
        await server.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == server.OtherUserId, TestContext.Current.CancellationToken);
            Assert.Equal(ApiTokens.Hash(token), user.TokenHash);
        });
        Assert.DoesNotContain(token, await browser.GetPageAsync("/settings/api"), StringComparison.Ordinal);
        using var api = server.Api(server.OtherUserId, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/1.0/account/me", TestContext.Current.CancellationToken)).StatusCode);
        using var oldApi = server.Api(server.OtherUserId, server.OtherUserToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldApi.GetAsync("/api/1.0/account/me", TestContext.Current.CancellationToken)).StatusCode);
        using var stale = await second.GetAsync("/scans");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
    }

    private async Task<int> CountScansAsync()
    {
        var count = 0;
        await server.WithDbAsync(async db => count = await db.Scans.CountAsync(TestContext.Current.CancellationToken));
        return count;
    }

    [GeneratedRegex("^/scans/([0-9a-f-]{36})")]
    private static partial Regex ScanId();

    [GeneratedRegex("name=\"check\" value=\"[^\"]+\" checked")]
    private static partial Regex CheckedBoxes();

    [GeneratedRegex("href=\"/policies/([0-9a-f-]{36})\"")]
    private static partial Regex PolicyLink();

    [GeneratedRegex("<code id=\"new-token\">([^<]+)</code>")]
    private static partial Regex NewToken();
}
