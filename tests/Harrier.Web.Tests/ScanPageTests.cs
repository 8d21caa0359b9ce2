using System.Net;
using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Web.Tests;

public sealed class ScanPageTests(WebFixture server) : IClassFixture<WebFixture>
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg/onload=alert(3)>";

    [Theory]
    [InlineData("")]
    [InlineData("/live")]
    [InlineData("/report?type=ScanDetail&format=Html")]
    public async Task OtherUsersScan_Is404(string suffix)
    {
        // Arrange
        var scan = await server.LaunchAsync("http://127.0.0.1:9/private/");
        using var other = await server.SignedInAsync(server.OtherUserId, server.OtherUserToken);

        // Act
        using var response = await other.GetAsync($"/scans/{scan}{suffix}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("/private/", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("again")]
    [InlineData("cancel")]
    [InlineData("delete")]
    public async Task OtherUsersScan_ActionsAre404AndChangeNothing(string action)
    {
        var scan = await server.LaunchAsync($"http://127.0.0.1:9/private-{action}/");
        using var other = await server.SignedInAsync(server.OtherUserId, server.OtherUserToken);
        var token = Browser.CsrfToken(await other.GetPageAsync("/scans"));

        using var response = await other.PostFormAsync($"/scans/{scan}/{action}", token, []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await server.WithDbAsync(async db =>
        {
            var stored = await db.Scans.SingleAsync(s => s.Id == scan, TestContext.Current.CancellationToken);
            Assert.Equal(ScanTaskState.Queued, stored.State);
            Assert.Null(stored.DeletedAt);
            Assert.Equal(1, await db.Scans.CountAsync(s => s.TargetUrl == stored.TargetUrl, TestContext.Current.CancellationToken));
        });
    }

    [Fact]
    public async Task ScansList_ShowsOnlyOwnScans()
    {
        await server.LaunchAsync("http://127.0.0.1:9/mine-only/");
        using var other = await server.SignedInAsync(server.OtherUserId, server.OtherUserToken);

        var html = await other.GetPageAsync("/scans");

        Assert.DoesNotContain("/mine-only/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileFinding_RendersAsText()
    {
        // Arrange: a finding whose every text field is markup, as a scanned site could make it.
        var scan = await server.LaunchAsync("http://127.0.0.1:9/hostile/");
        await server.WithDbAsync(async db =>
        {
            var entity = await db.Scans.SingleAsync(s => s.Id == scan, TestContext.Current.CancellationToken);
            db.Vulnerabilities.Add(new VulnerabilityEntity
            {
                Id = Guid.NewGuid(),
                ScanId = scan,
                WebsiteId = entity.WebsiteId,
                CheckId = "reflected-xss",
                Type = "Xss" + Hostile,
                Title = "Title " + Hostile,
                Severity = Severity.High,
                Url = "http://127.0.0.1:9/hostile/?q=" + Hostile,
                Method = "GET",
                Parameter = "q" + Hostile,
                ParameterLocation = "Query",
                Payload = Hostile,
                RawRequest = "GET /?q=" + Hostile + " HTTP/1.1",
                RawResponse = "HTTP/1.1 200 OK\r\n\r\n<html><body>" + Hostile + "</body></html>",
                Proof = Hostile,
                Cwe = "79" + Hostile,
                Fingerprint = Guid.NewGuid().ToString("N"),
                FoundAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            entity.HighCount = 1;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        using var browser = await server.SignedInAsync();

        // Act
        var html = await browser.GetPageAsync($"/scans/{scan}");

        // Assert
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg/onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=alert", html.Replace("onerror=alert(2)&gt;", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Title &lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanPage_ShowsConfigurationWithoutSecrets()
    {
        using var api = server.Api();
        using var content = new StringContent(
            """{"TargetUri":"http://127.0.0.1:9/secret/","Cookies":"session=top-secret-cookie","HeaderAuthentication":{"IsEnabled":true,"Headers":[{"Name":"X-Api-Key","Value":"top-secret-header"}]}}""",
            System.Text.Encoding.UTF8, "application/json");
        using var launched = await api.PostAsync("/api/1.0/scans/new", content, TestContext.Current.CancellationToken);
        var id = System.Text.Json.JsonDocument.Parse(await launched.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement[0].GetProperty("Id").GetGuid();
        using var browser = await server.SignedInAsync();

        var html = await browser.GetPageAsync($"/scans/{id}");

        Assert.True(html.Contains("X-Api-Key", StringComparison.Ordinal), html[html.IndexOf("config-h", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("top-secret", html, StringComparison.Ordinal);
        Assert.Contains("EnteredPathAndBelow", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAgain_QueuesACopyAndOpensIt()
    {
        // Arrange
        var scan = await server.LaunchAsync("http://127.0.0.1:9/again/");
        using var browser = await server.SignedInAsync();

        // Act
        using var response = await browser.SubmitAsync($"/scans/{scan}", $"/scans/{scan}/again");

        // Assert
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/scans/[0-9a-f-]{36}\\?notice=relaunched$", location);
        var newId = Guid.Parse(location[7..43]);
        Assert.NotEqual(scan, newId);
        Assert.Contains("http://127.0.0.1:9/again/", await browser.GetPageAsync(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ThenDelete_GoesThroughTheApi()
    {
        var scan = await server.LaunchAsync("http://127.0.0.1:9/cancel-delete/");
        using var browser = await server.SignedInAsync();

        using var cancelled = await browser.SubmitAsync($"/scans/{scan}", $"/scans/{scan}/cancel");
        var page = await browser.GetPageAsync(cancelled.Headers.Location!.OriginalString);
        using var deleted = await browser.SubmitAsync($"/scans/{scan}", $"/scans/{scan}/delete");

        Assert.Contains("data-state=\"Cancelled\"", page, StringComparison.Ordinal);
        Assert.Equal("/scans?notice=deleted", deleted.Headers.Location!.OriginalString);
        using var gone = await browser.GetAsync($"/scans/{scan}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Report_OfUnfinishedScan_ExplainsWhy()
    {
        var scan = await server.LaunchAsync("http://127.0.0.1:9/report-early/");
        using var browser = await server.SignedInAsync();

        using var response = await browser.GetAsync($"/scans/{scan}/report?type=ScanDetail&format=Html");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not ready", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScansList_FiltersByState()
    {
        var queued = await server.LaunchAsync("http://127.0.0.1:9/filter-queued/");
        using var browser = await server.SignedInAsync();

        var queuedPage = await browser.GetPageAsync("/scans?state=Queued");
        var completePage = await browser.GetPageAsync("/scans?state=Complete");

        Assert.Contains($"/scans/{queued}", queuedPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"/scans/{queued}", completePage, StringComparison.Ordinal);
    }
}
