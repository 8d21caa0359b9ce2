using System.Net;
using System.Text;
using System.Text.Json;
using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Web.Tests;

/// <summary>A Harrier server with agents that scans another Harrier server's UI.</summary>
public sealed class ScannerFixture : WebFixture
{
    protected override int Agents => 2;
}

/// <summary>
/// Harrier scans Harrier's own UI, signed in through a session cookie in the scan's Cookies setting, and must find
/// nothing Medium or worse. The target is a second, agent-less Harrier, so whatever the scanner submits to its forms
/// (new scans, relaunches) is queued there and never runs: the scan can only ever touch loopback.
/// </summary>
public sealed class SelfScanTests(WebFixture target, ScannerFixture scanner) : IClassFixture<WebFixture>, IClassFixture<ScannerFixture>
{
    /// <summary>
    /// Findings about the transport, not the UI: this test serves plain HTTP, where no cookie can be Secure and a
    /// password form is necessarily unencrypted. On HTTPS the UI marks its cookies Secure (see SecureCookieTests).
    /// </summary>
    private static readonly HashSet<string> s_plainHttpOnly = new(StringComparer.Ordinal) { "CookieNotMarkedAsSecure", "PasswordFormOverHttp", "PasswordOverHttp" };

    [Fact]
    public async Task HarrierScanOfItsOwnUi_FindsNothingMediumOrWorse()
    {
        // Arrange: hostile data in the target, and a browser session on it.
        var hostileScan = await target.LaunchAsync("http://127.0.0.1:9/?q=<script>alert(1)</script>");
        await target.WithDbAsync(async db =>
        {
            var scan = await db.Scans.SingleAsync(s => s.Id == hostileScan, TestContext.Current.CancellationToken);
            db.Vulnerabilities.Add(new VulnerabilityEntity
            {
                Id = Guid.NewGuid(),
                ScanId = scan.Id,
                WebsiteId = scan.WebsiteId,
                CheckId = "reflected-xss",
                Type = "Xss",
                Severity = Severity.High,
                Title = "<script>alert('title')</script>",
                Url = "http://127.0.0.1:9/?q=<svg onload=alert(1)>",
                Method = "GET",
                RawResponse = "<html><script>alert(document.cookie)</script></html>",
                Fingerprint = "self-scan",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        using var browser = await target.SignedInAsync();
        var session = browser.Cookies.GetCookies(target.BaseAddress)["harrier.session"]!.Value;

        // Act: scan the whole UI from its root, signed in.
        var request = new
        {
            TargetUri = target.BaseAddress.AbsoluteUri,
            Scope = "EnteredPathAndBelow",
            Cookies = "harrier.session=" + session,
            ExcludedLinks = ScanConfiguration.DefaultExcludedLinks.Append("/settings/api/rotate").Append("/api/1\\.0/").Append("/swagger")
                .Select(p => new { RegexPattern = p }),
            IsMaxScanDurationEnabled = true,
            MaxScanDuration = 1,
        };
        using var api = scanner.Api();
        using var content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8, "application/json");
        using var launched = await api.PostAsync("/api/1.0/scans/new", content, TestContext.Current.CancellationToken);
        var body = await launched.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(launched.StatusCode == HttpStatusCode.Created, body);
        var scanId = JsonDocument.Parse(body).RootElement[0].GetProperty("Id").GetGuid();
        var state = await WaitForEndAsync(scanId);

        // Assert
        Assert.Equal(ScanTaskState.Complete, state);
        await scanner.WithDbAsync(async db =>
        {
            var crawled = await db.CrawledResources.Where(r => r.ScanId == scanId).Select(r => r.Url).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Contains(crawled, u => u.Contains($"/scans/{hostileScan}", StringComparison.Ordinal));
            Assert.Contains(crawled, u => u.Contains("/policies", StringComparison.Ordinal));
            var all = await db.Vulnerabilities.Where(v => v.ScanId == scanId).ToListAsync(TestContext.Current.CancellationToken);
            var requests = await db.Scans.Where(s => s.Id == scanId).Select(s => s.CompletedSteps).SingleAsync(TestContext.Current.CancellationToken);
            TestContext.Current.TestOutputHelper?.WriteLine($"{requests} requests, {crawled.Count} resources; findings: " +
                string.Join("; ", all.GroupBy(v => $"{v.Severity} {v.Type}").Select(g => $"{g.Key} x{g.Count()}")));
            // Severity is stored as text, so it is compared here rather than in SQL.
            var uiFindings = all.Where(v => v.Severity >= Severity.Medium && !s_plainHttpOnly.Contains(v.Type)).ToList();
            Assert.True(uiFindings.Count == 0, "Findings in Harrier's UI:\n" + string.Join('\n', uiFindings.Select(v => $"{v.Severity} {v.Type} {v.Method} {v.Url} {v.Parameter}")));
        });
    }

    private async Task<ScanTaskState> WaitForEndAsync(Guid scanId)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (300 * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            var state = ScanTaskState.Queued;
            await scanner.WithDbAsync(async db => state = await db.Scans.Where(s => s.Id == scanId).Select(s => s.State).SingleAsync(TestContext.Current.CancellationToken));
            if (ScanStateRules.IsTerminal(state) || TimeProvider.System.GetTimestamp() > deadline)
            {
                return state;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }
}
