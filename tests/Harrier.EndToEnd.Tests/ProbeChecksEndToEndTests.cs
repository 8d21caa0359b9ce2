using Harrier.Api.Tests;
using Harrier.TestTargets;

namespace Harrier.EndToEnd.Tests;

/// <summary>
/// A default-policy scan of the whole test target finds the probed files, the TRACE folder, the CSRF form, the source
/// code and card number pages and the unsafe CSP (once, at the site root), and reports
/// nothing under <c>/safe/</c>, where the twins answer 404 or 405 and <c>/safe/soft404/</c> answers 200 for any path.
/// </summary>
public sealed class ProbeChecksEndToEndTests(ScanningFixture fixture) : IClassFixture<ScanningFixture>
{
    private static readonly string[] s_probeIds =
    [
        "sensitive-git-folder", "sensitive-backup-file", "sensitive-env-file", "sensitive-folder-archive", "methods-trace", "csrf-profile",
        "disclosure-source-code", "disclosure-credit-card",
    ];

    [Fact]
    public async Task Scan_FindsProbedHoles_AndNothingOnSafeTwinsOrTheSoft404Folder()
    {
        // Arrange
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 10 }, TestContext.Current.CancellationToken);
        var client = fixture.Client();

        // Act
        var scan = await client.LaunchAsync(target.BaseUrl.AbsoluteUri);
        var done = await client.WaitForStateAsync(scan.Id(), "Complete", "Failed");
        var findings = await client.ResultAsync(scan.Id());

        // Assert
        Assert.True((string?)done["State"] == "Complete", done.ToJsonString());
        var found = findings.Select(f => ((string)f["Type"]!, new Uri((string)f["Url"]!).AbsolutePath)).ToHashSet();
        foreach (var id in s_probeIds)
        {
            var hole = KnownVulnerabilities.Get(id);
            Assert.True(found.Contains((hole.Type, hole.Path)), $"{id} ({hole.Type} {hole.Path}) not found in: {string.Join(", ", found.Order())}");
        }

        Assert.DoesNotContain(findings, f => new Uri((string)f["Url"]!).AbsolutePath.StartsWith("/safe/", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => (string?)f["Type"] == "WeakCredentials");
        // Site-wide header findings land on the page that shows them (docs/checks.md), here the one page with an unsafe policy.
        var unsafeCsp = KnownVulnerabilities.Get("headers-csp-unsafe");
        Assert.Contains(findings, f => (string?)f["Type"] == unsafeCsp.Type && new Uri((string)f["Url"]!).AbsolutePath == unsafeCsp.Path);
    }
}
