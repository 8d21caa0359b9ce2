using System.Collections.Concurrent;
using System.Net;

namespace Harrier.TestTargets.Tests.Endpoints;

/// <summary>
/// The admin surface: fixing a hole serves its safe twin at the same URL, reopening it brings the hole back, and an
/// added page is linked from <c>/vuln/</c> with a new hole. Each test runs its own target (the switches are state).
/// </summary>
public sealed class AdminEndpointsTests
{
    private const string Payload = "<script>alert(1)</script>";

    [Fact]
    public async Task FixedThenVulnerable_TogglesTheHole_AtTheSameUrl()
    {
        // Arrange
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1 }, TestContext.Current.CancellationToken);
        using var client = Client(target);
        var attack = "/vuln/xss/html?q=" + Uri.EscapeDataString(Payload);
        var benign = "/vuln/xss/html?q=harrier";
        var benignBefore = await client.GetStringAsync(benign, TestContext.Current.CancellationToken);

        // Act
        var before = await client.GetStringAsync(attack, TestContext.Current.CancellationToken);
        using var fixResponse = await client.PostAsync("/__admin/holes/xss-html/fixed", null, TestContext.Current.CancellationToken);
        var whileFixed = await client.GetStringAsync(attack, TestContext.Current.CancellationToken);
        var benignWhileFixed = await client.GetStringAsync(benign, TestContext.Current.CancellationToken);
        var fixedList = await client.GetStringAsync("/__admin/holes/fixed", TestContext.Current.CancellationToken);
        var otherHole = await client.GetStringAsync("/vuln/xss/comment?q=" + Uri.EscapeDataString(Payload), TestContext.Current.CancellationToken);
        using var reopen = await client.PostAsync("/__admin/holes/xss-html/vulnerable", null, TestContext.Current.CancellationToken);
        var after = await client.GetStringAsync(attack, TestContext.Current.CancellationToken);

        // Assert
        Assert.Contains(Payload, before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, fixResponse.StatusCode);
        Assert.DoesNotContain(Payload, whileFixed, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Payload), whileFixed, StringComparison.Ordinal);
        Assert.Equal(benignBefore, benignWhileFixed); // a fix does not change the page for benign input
        Assert.Equal("xss-html\n", fixedList);
        Assert.Contains(Payload, otherHole, StringComparison.Ordinal); // only that hole is fixed
        Assert.Equal(HttpStatusCode.NoContent, reopen.StatusCode);
        Assert.Contains(Payload, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fixed_PathSegmentHole_AndProbedFile()
    {
        // Arrange
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1 }, TestContext.Current.CancellationToken);
        using var client = Client(target);

        // Act
        (await client.PostAsync("/__admin/holes/xss-path/fixed", null, TestContext.Current.CancellationToken)).Dispose();
        (await client.PostAsync("/__admin/holes/sensitive-git-folder/fixed", null, TestContext.Current.CancellationToken)).Dispose();
        var path = await client.GetStringAsync("/vuln/xss/path/" + Uri.EscapeDataString(Payload), TestContext.Current.CancellationToken);
        using var git = await client.GetAsync("/vuln/.git/config", TestContext.Current.CancellationToken);

        // Assert
        Assert.DoesNotContain(Payload, path, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, git.StatusCode);
    }

    [Fact]
    public async Task Toggle_UnknownOrTwinlessHole_IsRefused()
    {
        // Arrange
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1 }, TestContext.Current.CancellationToken);
        using var client = Client(target);

        // Act
        using var unknown = await client.PostAsync("/__admin/holes/no-such-hole/fixed", null, TestContext.Current.CancellationToken);
        using var incidental = await client.PostAsync("/__admin/holes/incidental-password-over-http-login/fixed", null, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, incidental.StatusCode);
    }

    [Fact]
    public async Task Pages_AddsALinkedPageWithAHole()
    {
        // Arrange
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 1 }, TestContext.Current.CancellationToken);
        using var client = Client(target);
        var indexBefore = await client.GetStringAsync("/vuln/", TestContext.Current.CancellationToken);
        using var missing = await client.GetAsync("/vuln/added/release-notes?q=harrier", TestContext.Current.CancellationToken);

        // Act
        using var created = await client.PostAsync("/__admin/pages?name=release-notes", null, TestContext.Current.CancellationToken);
        using var again = await client.PostAsync("/__admin/pages?name=release-notes", null, TestContext.Current.CancellationToken);
        using var invalid = await client.PostAsync("/__admin/pages?name=Release2", null, TestContext.Current.CancellationToken);
        var index = await client.GetStringAsync("/vuln/", TestContext.Current.CancellationToken);
        var page = await client.GetStringAsync("/vuln/added/release-notes?q=" + Uri.EscapeDataString(Payload), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/vuln/added/release-notes?q=harrier", await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.DoesNotContain("/vuln/added/", indexBefore, StringComparison.Ordinal);
        Assert.Contains("href=\"/vuln/added/release-notes?q=harrier\"", index, StringComparison.Ordinal);
        Assert.Contains(Payload, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminRequests_AreNotLinked_AndNotInTheRequestLog()
    {
        // Arrange
        var log = new ConcurrentQueue<string>();
        await using var target = await TestTargetServer.StartAsync(
            new TestTargetOptions { GeneratedPages = 1, OnRequest = (method, path) => log.Enqueue(method + " " + path) }, TestContext.Current.CancellationToken);
        using var client = Client(target);

        // Act
        var home = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var index = await client.GetStringAsync("/vuln/", TestContext.Current.CancellationToken);
        var robots = await client.GetStringAsync("/robots.txt", TestContext.Current.CancellationToken);
        (await client.PostAsync("/__admin/holes/xss-html/fixed", null, TestContext.Current.CancellationToken)).Dispose();

        // Assert
        Assert.DoesNotContain("__admin", home + index + robots, StringComparison.Ordinal);
        Assert.Equal(["GET /", "GET /vuln/", "GET /robots.txt"], log.ToArray());
    }

    private static HttpClient Client(TestTargetServer target)
    {
        var client = TargetFixture.CreateClient();
        client.BaseAddress = target.BaseUrl;
        return client;
    }
}
