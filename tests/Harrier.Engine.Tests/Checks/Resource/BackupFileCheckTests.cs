using System.IO.Compression;
using Harrier.Engine.Checks.Resource;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Resource;

public sealed class BackupFileCheckTests
{
    private const string Rendered = "<html><body><p>Configuration loaded.</p></body></html>";
    private const string Source = "<?php\n$db_password = 'x';\necho '<p>Configuration loaded.</p>';\n";

    [Fact]
    public async Task Reports_SourceBackup_StaticCopy_AndFolderArchive()
    {
        // Arrange
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/app/config.php", () => Results.Content(Rendered, "text/html"));
            app.MapGet("/app/config.php.bak", () => Results.Bytes(System.Text.Encoding.UTF8.GetBytes(Source), "application/octet-stream"));
            app.MapGet("/app/about.html", () => Results.Content(Rendered + "<!-- about -->", "text/html"));
            app.MapGet("/app/about.html~", () => Results.Content(Rendered + "<!-- about -->", "text/html"));
            app.MapGet("/app.zip", () => Results.Bytes(Zip(), "application/zip"));
        }, TestContext.Current.CancellationToken);

        // Act
        var run = await CheckHarness.RunResourceAsync(new BackupFileCheck(), server, [server.Url("/app/config.php"), server.Url("/app/about.html")]);

        // Assert
        Assert.Equal(
            [("BackupFileFound", "/app.zip"), ("BackupFileFound", "/app/about.html~"), ("BackupSourceCodeFound", "/app/config.php.bak")],
            run.Findings.Select(f => (f.Type, new Uri(f.Url).AbsolutePath)).Order());
        Assert.Equal("<?php\n$db_password = 'x';", run.Findings.Single(f => f.Type == "BackupSourceCodeFound").Evidence!.Proof);
    }

    [Fact]
    public async Task DoesNotReport_WhenThereAreNoBackups()
    {
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapGet("/app/config.php", () => Results.Content(Rendered, "text/html")), TestContext.Current.CancellationToken);

        var run = await CheckHarness.RunResourceAsync(new BackupFileCheck(), server, [server.Url("/app/config.php")]);

        Assert.Empty(run.Findings);
        Assert.Equal(9, run.RequestsReceived); // Baseline + 5 copies, baseline + 2 archives for /app/.
    }

    [Fact]
    public async Task DoesNotReport_WhenEveryPathAnswersThePage()
    {
        // A single-page app fallback: any path, backups included, answers the same page (and the page shows PHP).
        await using var server = await LoopbackServer.StartAsync(
            app => app.Map("{**path}", () => Results.Content(Source, "text/plain")), TestContext.Current.CancellationToken);

        var run = await CheckHarness.RunResourceAsync(new BackupFileCheck(), server, [server.Url("/app/config.php")]);

        Assert.Empty(run.Findings);
    }

    [Fact]
    public async Task DoesNotReport_SourceThatThePageItselfShows()
    {
        // The page already shows its code (source disclosure, another check's finding); a copy of it adds nothing new.
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/app/show.php", () => Results.Text(Source + "// page"));
            app.MapGet("/app/show.php.old", () => Results.Text(Source + "// old"));
        }, TestContext.Current.CancellationToken);

        var run = await CheckHarness.RunResourceAsync(new BackupFileCheck(), server, [server.Url("/app/show.php")]);

        Assert.Empty(run.Findings);
    }

    private static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("app/config.php").Open());
            writer.Write(Source);
        }

        return stream.ToArray();
    }
}
