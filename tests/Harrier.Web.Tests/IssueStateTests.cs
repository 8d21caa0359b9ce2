using System.Net;
using Harrier.Core.Findings;
using Harrier.Core.Issues;
using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Harrier.Storage.Queue;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Web.Tests;

/// <summary>The scan page shows each finding's issue state and sets a user state through <c>POST /api/1.0/issues/update</c>.</summary>
public sealed class IssueStateTests(WebFixture server) : IClassFixture<WebFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Finding_ShowsItsIssueState_AndTheFormMarksItFalsePositive()
    {
        var (scan, issue) = await CompletedScanWithAFindingAsync("http://127.0.0.1:21/");
        using var browser = await server.SignedInAsync();

        var before = await browser.GetPageAsync($"/scans/{scan}");
        using var response = await browser.SubmitAsync($"/scans/{scan}", $"/scans/{scan}/issues/{issue}",
            [new("state", "FalsePositive"), new("note", "Sanitized server-side")]);
        var after = await browser.GetPageAsync($"/scans/{scan}");

        Assert.Contains("data-issue-state=\"Present\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("data-issue-state=\"FalsePositive\"", after, StringComparison.Ordinal);
        await server.WithDbAsync(async db =>
        {
            var stored = await db.Issues.SingleAsync(i => i.Id == issue, Ct);
            Assert.Equal(IssueState.FalsePositive, stored.State);
            Assert.Contains(await db.IssueHistory.Where(h => h.IssueId == issue).Select(h => h.Note).ToListAsync(Ct), n => n == "Sanitized server-side");
        });
    }

    [Fact]
    public async Task WithoutTheFormToken_OrAsAnotherUser_NothingChanges()
    {
        var (scan, issue) = await CompletedScanWithAFindingAsync("http://127.0.0.1:22/");
        using var owner = await server.SignedInAsync();
        using var other = await server.SignedInAsync(server.OtherUserId, server.OtherUserToken);
        var otherToken = Browser.CsrfToken(await other.GetPageAsync("/scans"));

        using var noToken = await owner.PostFormAsync($"/scans/{scan}/issues/{issue}", csrf: null, [new("state", "Ignored")]);
        using var foreign = await other.PostFormAsync($"/scans/{scan}/issues/{issue}", otherToken, [new("state", "Ignored")]);

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        await server.WithDbAsync(async db => Assert.Equal(IssueState.Present, (await db.Issues.SingleAsync(i => i.Id == issue, Ct)).State));
    }

    /// <summary>A launched scan with one finding, completed as an agent completes it (so its issue exists).</summary>
    private async Task<(Guid Scan, Guid Issue)> CompletedScanWithAFindingAsync(string target)
    {
        var scan = await server.LaunchAsync(target);
        var agent = new AgentIdentity(Guid.NewGuid(), "web-issues");
        var issue = Guid.Empty;
        await server.WithDbAsync(async db =>
        {
            var entity = await db.Scans.SingleAsync(s => s.Id == scan, Ct);
            entity.State = ScanTaskState.Scanning;
            entity.AgentId = agent.Id;
            var url = target + "search";
            db.Vulnerabilities.Add(new VulnerabilityEntity
            {
                Id = Guid.NewGuid(), ScanId = scan, WebsiteId = entity.WebsiteId, CheckId = "reflected-xss", Type = "Xss", Title = "Cross-site scripting",
                Severity = Severity.High, Url = url, Method = "GET", Parameter = "q", Fingerprint = FindingFingerprint.Of("Xss", url, "GET", "q"),
                FoundAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(Ct);
            await new ScanLeases(db, TimeProvider.System).FinishAsync(scan, agent, ScanTaskState.Complete, null, null, null, Ct);
            issue = await db.Issues.Where(i => i.WebsiteId == entity.WebsiteId).Select(i => i.Id).SingleAsync(Ct);
        });
        return (scan, issue);
    }
}
