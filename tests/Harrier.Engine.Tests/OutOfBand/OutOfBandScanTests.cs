using Harrier.Core.Scans;
using Harrier.Engine.OutOfBand;
using Harrier.Engine.Tests.Infrastructure;
using Harrier.TestTargets;

namespace Harrier.Engine.Tests.OutOfBand;

/// <summary>The engine starts a listener per scan, hands it to the checks and stops it when the scan ends.</summary>
public sealed class OutOfBandScanTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scan_ConfirmsSsrfAndRfi_ThroughItsOwnListener_ThenStopsIt()
    {
        // Arrange
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 10 }, Token);
        var sink = new RecordingSink();
        var configuration = Scans.Configuration(target.GetUrl("/vuln/ssrf/fetch?url=feed.xml")) with
        {
            ImportedLinks = ["/vuln/rfi/page?page=intro.txt", "/safe/ssrf/fetch?url=feed.xml", "/safe/rfi/page?page=intro.txt"],
            Scope = ScanTaskScope.WholeDomain,
        };
        var policy = Scans.FastPolicy with { EnabledCheckIds = new HashSet<string>(["ssrf", "remote-file-inclusion", "xxe"], StringComparer.Ordinal) };

        // Act
        var outcome = await new ScanEngine(TimeProvider.System) { OutOfBand = new OutOfBandOptions { CallbackWait = TimeSpan.FromMilliseconds(300) } }
            .RunAsync(Scans.Request(configuration, policy), sink, Token);

        // Assert
        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        var ssrf = Assert.Single(sink.Findings, f => f.Type == "PossibleSsrf");
        Assert.EndsWith("/vuln/ssrf/fetch?url=feed.xml", ssrf.Url, StringComparison.Ordinal);
        var rfi = Assert.Single(sink.Findings, f => f.Type == "Rfi");
        Assert.Contains("/vuln/rfi/page", rfi.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Findings, f => f.Url.Contains("/safe/", StringComparison.Ordinal));

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri(ssrf.Payload!), Token)); // The listener is gone.
    }

    [Fact]
    public async Task Scan_WithListenerDisabled_SendsNoOutOfBandPayloads()
    {
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 10 }, Token);
        var sink = new RecordingSink();
        var policy = Scans.FastPolicy with { EnabledCheckIds = new HashSet<string>(["ssrf", "remote-file-inclusion"], StringComparer.Ordinal) };

        var outcome = await new ScanEngine(TimeProvider.System) { OutOfBand = new OutOfBandOptions { Enabled = false } }
            .RunAsync(Scans.Request(Scans.Configuration(target.GetUrl("/vuln/ssrf/fetch?url=feed.xml")), policy), sink, Token);

        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        Assert.Empty(sink.Findings);
    }
}
