using Harrier.Engine.Checks.Resource;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Resource;

public sealed class SensitiveFileCheckTests
{
    private const string GitConfig = "[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n[remote \"origin\"]\n\turl = git@example.com:a/b.git\n";
    private const string DotEnv = "# app\nAPP_ENV=production\nDB_PASSWORD=hunter2\nexport API_KEY=abc123\n";
    private const string Page = "<html><body><p>Shop</p></body></html>";

    [Fact]
    public async Task Reports_GitEnvDsStoreAndLog_InTheFoldersAboveACrawledPage()
    {
        // Arrange
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/shop/admin/page.php", () => Results.Content(Page, "text/html"));
            app.MapGet("/shop/.git/config", () => Results.Text(GitConfig));
            app.MapGet("/.env", () => Results.Text(DotEnv));
            app.MapGet("/shop/admin/.DS_Store", () => Results.Bytes([0, 0, 0, 1, (byte)'B', (byte)'u', (byte)'d', (byte)'1', 0, 0, 16, 0], "application/octet-stream"));
            app.MapGet("/shop/error.log", () => Results.Text("[28-Nov-2026 10:00:00 UTC] PHP Warning:  Undefined variable $x in /var/www/a.php on line 3\n"));
        }, TestContext.Current.CancellationToken);

        // Act
        var run = await CheckHarness.RunResourceAsync(new SensitiveFileCheck(), server, [server.Url("/shop/admin/page.php")], AttackStrength.High);

        // Assert
        Assert.Equal(
            [("DsStoreFileFound", "/shop/admin/.DS_Store"), ("GitDisclosure", "/shop/.git/config"), ("LaravelEnvironmentConfigurationFileDetected", "/.env"), ("PossibleLogFile", "/shop/error.log")],
            run.Findings.Select(f => (f.Type, new Uri(f.Url).AbsolutePath)).Order());
        Assert.All(run.Findings, f => Assert.Equal("GET", f.Method));
        Assert.All(run.Findings, f => Assert.Null(f.Parameter));
        Assert.Contains("repositoryformatversion", run.Findings.Single(f => f.Type == "GitDisclosure").Evidence!.RawResponse, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbesEachFolderOncePerScan()
    {
        // Arrange
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/a/one", () => Results.Content(Page, "text/html"));
            app.MapGet("/a/two", () => Results.Content(Page, "text/html"));
            app.MapGet("/a/.git/config", () => Results.Text(GitConfig));
        }, TestContext.Current.CancellationToken);

        // Act
        var run = await CheckHarness.RunResourceAsync(new SensitiveFileCheck(), server, [server.Url("/a/one"), server.Url("/a/two")], AttackStrength.High);

        // Assert: the second page shares both folders (/ and /a/) with the first, so it sends nothing.
        // In /a/ the Git config is found, so .git/HEAD is not probed.
        Assert.Single(run.Findings);
        Assert.Equal((2 * SensitiveFileCheck.RequestsPerFolder) - 1, run.RequestsPerInsertionPoint[0]);
        Assert.Equal(0, run.RequestsPerInsertionPoint[1]);
        Assert.Single(server.Requests, r => r == "GET /a/.git/config");
    }

    [Fact]
    public async Task DoesNotReport_WhenTheFilesAreAbsent()
    {
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapGet("/shop/page.php", () => Results.Content(Page, "text/html")), TestContext.Current.CancellationToken);

        var run = await CheckHarness.RunResourceAsync(new SensitiveFileCheck(), server, [server.Url("/shop/page.php")], AttackStrength.High);

        Assert.Empty(run.Findings);
        Assert.InRange(run.RequestsReceived, 1, 2 * SensitiveFileCheck.RequestsPerFolder);
    }

    [Theory]
    [InlineData(GitConfig)]
    [InlineData(DotEnv)]
    [InlineData("ref: refs/heads/main\n")]
    public async Task DoesNotReport_WhenEveryPathAnswersTheSameContent(string content)
    {
        // A soft-404 site that answers 200 with the same body for any name, even one that looks like a signature.
        await using var server = await LoopbackServer.StartAsync(
            app => app.Map("{**path}", () => Results.Text(content)), TestContext.Current.CancellationToken);

        var run = await CheckHarness.RunResourceAsync(new SensitiveFileCheck(), server, [server.Url("/shop/page.php")], AttackStrength.High);

        Assert.Empty(run.Findings);
    }

    [Fact]
    public async Task DoesNotReport_HtmlPagesNamedLikeSensitiveFiles()
    {
        // 200 pages that mention the name but are not the file (a CMS that renders every path as an article).
        await using var server = await LoopbackServer.StartAsync(
            app => app.Map("{**path}", (HttpContext context) => Results.Content($"<html><body><h1>{context.Request.Path}</h1><p>KEY=VALUE [core]</p></body></html>", "text/html")),
            TestContext.Current.CancellationToken);

        var run = await CheckHarness.RunResourceAsync(new SensitiveFileCheck(), server, [server.Url("/shop/page.php")], AttackStrength.High);

        Assert.Empty(run.Findings);
    }
}
