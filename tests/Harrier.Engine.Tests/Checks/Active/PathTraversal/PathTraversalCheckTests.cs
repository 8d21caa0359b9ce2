using Harrier.Engine.Checks.Active.PathTraversal;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.PathTraversal;

/// <summary>File reads are canned: the endpoints decide from the path what a vulnerable server would return; no real file is read.</summary>
public sealed class PathTraversalCheckTests : IAsyncLifetime
{
    private const string Passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";
    private const string WinIni = "; for 16-bit app support\r\n[fonts]\r\n[extensions]\r\n[mci extensions]\r\n[files]\r\n";
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/download", (string? file) => Read(file ?? ""));
            // Strips "../" once (not recursively): "....//" still climbs.
            app.MapGet("/download/filtered", (string? file) => Read((file ?? "").Replace("../", "", StringComparison.Ordinal)));
            app.MapGet("/download/windows", (string? file) =>
                (file ?? "").Contains("..\\", StringComparison.Ordinal) && (file ?? "").EndsWith("win.ini", StringComparison.OrdinalIgnoreCase)
                    ? Results.Text(WinIni) : Results.Text("Not found", statusCode: 404));
            app.MapGet("/safe/download", (string? file) => Results.Text("No file named " + file + " in /var/www/files", statusCode: 404));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/download?file=report.pdf", "../../../../../../../../../../etc/passwd")]
    [InlineData("/download/filtered?file=report.pdf", "....//....//....//....//....//....//....//....//etc/passwd")]
    [InlineData("/download/windows?file=report.pdf", "..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\windows\\win.ini")]
    public async Task Reports_WhenTraversalReadsASystemFile(string path, string expectedPayload)
    {
        // Arrange
        var request = ScanHttpRequest.Get(_server.Url(path));

        // Act
        var run = await CheckHarness.RunActiveAsync(new PathTraversalCheck(), _server, request);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal(("Lfi", "file", expectedPayload), (finding.Type, finding.Parameter, finding.Payload));
    }

    [Fact]
    public async Task DoesNotReport_WhenPathIsOnlyReflected()
    {
        var run = await CheckHarness.RunActiveAsync(new PathTraversalCheck(), _server, ScanHttpRequest.Get(_server.Url("/safe/download?file=report.pdf")), Engine.AttackStrength.High);

        Assert.Empty(run.Findings);
    }

    private static IResult Read(string file)
    {
        var climbs = file.Split("../").Length - 1 >= 3;
        return climbs && file.EndsWith("/etc/passwd", StringComparison.Ordinal) ? Results.Text(Passwd) : Results.Text("Not found", statusCode: 404);
    }
}
