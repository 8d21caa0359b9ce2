using Harrier.Core.Scans;
using Harrier.Engine.Checks;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Harrier.Web.Authentication;
using Harrier.Web.Html;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Web.Pages;

/// <summary>
/// <c>/scans/{id}</c>: one scan's live progress, actions, findings grouped by severity and configuration. The live
/// region is re-fetched from <c>/scans/{id}/live</c> by app.js until the scan is finished.
/// </summary>
internal static class ScanPage
{
    /// <summary>Evidence beyond this many characters is cut in the page (the reports carry all of it).</summary>
    public const int MaxEvidenceChars = 32 * 1024;

    private static readonly (string Type, string Format, string Label)[] s_reports =
    [
        ("ScanDetail", "Html", "Scan detail (HTML)"),
        ("ExecutiveSummary", "Html", "Executive summary (HTML)"),
        ("OwaspTopTen2021", "Html", "OWASP Top 10 2021 (HTML)"),
        ("Vulnerabilities", "Json", "Vulnerabilities (JSON)"),
        ("Vulnerabilities", "Sarif", "SARIF"),
        ("Vulnerabilities", "JUnit", "JUnit"),
        ("Vulnerabilities", "Csv", "CSV"),
        ("Vulnerabilities", "Xml", "XML"),
    ];

    /// <summary>What the finding's form offers: the user states, and Default (back to the scanner's verdict).</summary>
    private static readonly (string Value, string Label)[] s_userStates =
    [
        ("Default", "Open (scanner decides)"), ("Ignored", "Ignored"), ("AcceptedRisk", "Accepted risk"), ("FalsePositive", "False positive"),
    ];

    private static readonly Dictionary<string, CheckMetadata> s_checks =
        CheckCatalog.All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static async Task<IResult> Show(Guid id, HttpContext http, HarrierDbContext db, TimeProvider time, string? notice, string? result,
        CancellationToken cancellationToken)
    {
        var scan = await FindAsync(http, db, id, cancellationToken).ConfigureAwait(false);
        if (scan is null)
        {
            return Layout.NotFound(http, "This scan");
        }

        var website = await db.Websites.AsNoTracking().Where(w => w.Id == scan.WebsiteId).Select(w => new { w.Id, w.Name })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var policy = await db.ScanPolicies.AsNoTracking().Where(p => p.Id == scan.Configuration.PolicyId).Select(p => p.Name)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var live = await LiveRegionAsync(http, db, time, scan, cancellationToken).ConfigureAwait(false);
        var body = Markup.Of($"""
            <nav class="crumbs" aria-label="Breadcrumb"><a href="/scans">Scans</a> / <span aria-current="page">Scan</span></nav>
            <div class="page-head">
              <h1 class="target-title">{scan.TargetUrl}</h1>
            </div>
            <p class="sub">Website: {(website is null ? Markup.Trusted("—") : Markup.Of($"<a href=\"/websites#w-{website.Id}\">{website.Name}</a>"))} · Scan ID <code>{scan.Id}</code>{(scan.BaseScanId is { } b ? Markup.Of($" · based on <a href=\"/scans/{b}\">an earlier scan</a>") : Markup.Empty)}</p>
            {Ui.Notice(notice)}
            {ResultNotice(result)}
            {live}
            {ScanConfigurationView.Render(scan.Configuration, policy)}
            """);
        return Layout.Page(http, "Scan of " + scan.TargetUrl, "scans", body);
    }

    public static async Task<IResult> Live(Guid id, HttpContext http, HarrierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var scan = await FindAsync(http, db, id, cancellationToken).ConfigureAwait(false);
        return scan is null
            ? Layout.NotFound(http, "This scan")
            : Layout.Html(http, await LiveRegionAsync(http, db, time, scan, cancellationToken).ConfigureAwait(false));
    }

    internal static Task<ScanEntity?> FindAsync(HttpContext http, HarrierDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var userId = WebSession.UserId(http.User);
        return db.Scans.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId && s.DeletedAt == null, cancellationToken);
    }

    /// <summary>Only names of the API's own result enums are shown, never text from the query string.</summary>
    private static Markup ResultNotice(string? result) =>
        Enum.TryParse<ScanControlResult>(result, out var control) && Enum.IsDefined(control) && control != ScanControlResult.Ok
            ? Markup.Of($"<p class=\"notice error\" role=\"alert\">Not done: {Explain(control)}</p>")
        : Enum.TryParse<DeleteScanResult>(result, out var delete) && Enum.IsDefined(delete) && delete != DeleteScanResult.Ok
            ? Markup.Of($"<p class=\"notice error\" role=\"alert\">Not deleted: {(delete == DeleteScanResult.OnGoingScanExisting ? "the scan is still running. Cancel it first." : "the scan was not found.")}</p>")
        : Markup.Empty;

    private static string Explain(ScanControlResult result) => result switch
    {
        ScanControlResult.ScanCompleted => "the scan has already completed.",
        ScanControlResult.ScanNotRunning => "the scan is not running.",
        ScanControlResult.ScanNotPaused => "the scan is not paused.",
        ScanControlResult.ScanCancelled => "the scan was cancelled.",
        ScanControlResult.ScanFailed => "the scan has failed.",
        ScanControlResult.ScanQueued => "the scan is still queued.",
        _ => "the scan was not found.",
    };

    private static async Task<Markup> LiveRegionAsync(HttpContext http, HarrierDbContext db, TimeProvider time, ScanEntity scan, CancellationToken cancellationToken)
    {
        var findings = await db.Vulnerabilities.AsNoTracking().Where(v => v.ScanId == scan.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var fingerprints = findings.Select(f => f.Fingerprint).ToList();
        var issues = await db.Issues.AsNoTracking().Where(i => i.WebsiteId == scan.WebsiteId && fingerprints.Contains(i.Fingerprint))
            .ToDictionaryAsync(i => i.Fingerprint, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var done = ScanStateRules.IsTerminal(scan.State);
        var now = time.GetUtcNow().UtcDateTime;
        return Markup.Of($"""
            <div id="scan-live" data-live="/scans/{scan.Id}/live" data-live-interval="1500"{(done ? Markup.Trusted(" data-live-done=\"true\"") : Markup.Empty)}>
              <section class="card status" aria-labelledby="status-h">
                <h2 id="status-h" class="sr">Status</h2>
                <dl class="facts">
                  <div><dt>State</dt><dd>{Ui.StateBadge(scan.State)}</dd></div>
                  <div><dt>Phase</dt><dd class="phase">{Ui.PhaseLabel(scan.Phase)}</dd></div>
                  <div class="wide"><dt>Progress</dt><dd>{Ui.Progress(scan, "Scan progress")}</dd></div>
                  <div><dt>Requests</dt><dd class="requests">{scan.CompletedSteps:N0}</dd></div>
                  <div><dt>Duration</dt><dd>{Ui.Duration(Ui.Elapsed(scan, now))}</dd></div>
                  <div><dt>Started</dt><dd>{Ui.Time(http.User, scan.StartedAt ?? scan.InitiatedAt)}</dd></div>
                  <div><dt>Findings</dt><dd>{Ui.SeverityCounts(scan)}</dd></div>
                </dl>
                {(scan.State == ScanTaskState.Failed ? Markup.Of($"<p class=\"notice error\">Failed: {scan.FailureReason?.ToString() ?? "unknown reason"}{(scan.FailureDescription is { Length: > 0 } d ? " — " + d : "")}</p>") : Markup.Empty)}
                {Actions(http, scan)}
                {(done ? Reports(scan) : Markup.Empty)}
              </section>
              {Findings(http, scan.Id, findings, issues, done)}
            </div>
            """);
    }

    private static Markup Actions(HttpContext http, ScanEntity scan)
    {
        var csrf = Layout.CsrfField(http);
        Markup Button(string action, string label, string css = "") =>
            Markup.Of($"<form method=\"post\" action=\"/scans/{scan.Id}/{action}\">{csrf}<button type=\"submit\" class=\"{css}\" data-action=\"{action}\">{label}</button></form>");
        var state = scan.State;
        return Markup.Of($"""
            <div class="actions" role="group" aria-label="Scan actions">
              {Button("again", "Scan again", "primary")}
              {Markup.When(state is ScanTaskState.Scanning or ScanTaskState.Resuming, Button("pause", "Pause"))}
              {Markup.When(state is ScanTaskState.Paused or ScanTaskState.Pausing, Button("resume", "Resume"))}
              {Markup.When(!ScanStateRules.IsTerminal(state), Button("cancel", "Cancel", "danger"))}
              {Markup.When(!ScanStateRules.IsOngoing(state), Markup.Of($"<form method=\"post\" action=\"/scans/{scan.Id}/delete\" data-confirm=\"Delete this scan? Its findings stay in the website's history.\">{csrf}<button type=\"submit\" class=\"danger\" data-action=\"delete\">Delete</button></form>"))}
            </div>
            """);
    }

    private static Markup Reports(ScanEntity scan) => Markup.Of($"""
        <div class="reports"><h3>Reports</h3><ul class="inline">{s_reports.Select(r =>
            Markup.Of($"<li><a href=\"/scans/{scan.Id}/report?type={r.Type}&amp;format={r.Format}\"{(r.Format == "Html" ? Markup.Trusted(" target=\"_blank\" rel=\"noopener\"") : Markup.Trusted(" download"))}>{r.Label}</a></li>"))}</ul></div>
        """);

    private static Markup Findings(HttpContext http, Guid scanId, List<VulnerabilityEntity> findings, Dictionary<string, IssueEntity> issues, bool done)
    {
        if (findings.Count == 0)
        {
            return Markup.Of($"""<section class="card" aria-labelledby="findings-h"><h2 id="findings-h">Vulnerabilities</h2><p class="empty">{(done ? "No vulnerabilities were found." : "None found yet.")}</p></section>""");
        }

        var groups = findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key);
        return Markup.Of($"""
            <section class="card" aria-labelledby="findings-h">
              <h2 id="findings-h">Vulnerabilities <span class="sub">({findings.Count})</span></h2>
              {groups.Select(g => Markup.Of($"""
                <section class="sev-group {Ui.SeverityClass(g.Key)}">
                  <h3>{Ui.SeverityBadge(g.Key)} <span class="sub">{g.Count()}</span></h3>
                  {g.OrderBy(f => f.Title, StringComparer.Ordinal).ThenBy(f => f.Url, StringComparer.Ordinal).Select(f => Finding(http, scanId, f, issues.GetValueOrDefault(f.Fingerprint)))}
                </section>
                """))}
            </section>
            """);
    }

    /// <summary>The issue's state across scans, and the form that sets a user state (through <c>POST /api/1.0/issues/update</c>).</summary>
    private static Markup IssueForm(HttpContext http, Guid scanId, IssueEntity issue) => Markup.Of($"""
        <form method="post" action="/scans/{scanId}/issues/{issue.Id}" class="issue-form">{Layout.CsrfField(http)}
          <label>Issue state <select name="state">{s_userStates.Select(o =>
              Markup.Of($"<option value=\"{o.Value}\"{(o.Value == issue.State.ToString() ? Markup.Trusted(" selected") : Markup.Empty)}>{o.Label}</option>"))}</select></label>
          <label>Note <input name="note" maxlength="4000"></label>
          <button type="submit" data-action="issue-state">Save</button>
        </form>
        """);

    private static Markup Finding(HttpContext http, Guid scanId, VulnerabilityEntity v, IssueEntity? issue)
    {
        var check = s_checks.GetValueOrDefault(v.CheckId);
        return Markup.Of($"""
            <details class="finding" id="v-{v.Id}">
              <summary><span class="title">{v.Title}</span> <span class="url">{v.Method} {v.Url}</span>{(v.Parameter is { Length: > 0 } p ? Markup.Of($" <span class=\"param\">{v.ParameterLocation} parameter <code>{p}</code></span>") : Markup.Empty)}{(v.IsConfirmed ? Markup.Trusted(" <span class=\"confirmed\">Confirmed</span>") : Markup.Empty)}{(issue is null ? Markup.Empty : Markup.Of($" {Ui.IssueStateBadge(issue.State)}"))}</summary>
              <div class="finding-body">
                {(issue is null ? Markup.Empty : IssueForm(http, scanId, issue))}
                {(check is null ? Markup.Empty : Markup.Of($"""
                  <h4>Description</h4><p>{check.Description}</p>
                  <h4>Impact</h4><p>{check.Impact}</p>
                  <h4>Remediation</h4><p>{check.Remediation}</p>
                  """))}
                <h4>Classification</h4>
                <dl class="facts small">
                  <div><dt>Type</dt><dd>{v.Type}</dd></div>
                  <div><dt>CWE</dt><dd>{Or(v.Cwe)}</dd></div>
                  <div><dt>OWASP 2021</dt><dd>{Or(v.OwaspTopTen2021)}</dd></div>
                  <div><dt>WASC</dt><dd>{Or(v.Wasc)}</dd></div>
                  <div><dt>CAPEC</dt><dd>{Or(v.Capec)}</dd></div>
                  <div><dt>Certainty</dt><dd>{v.Certainty}%</dd></div>
                </dl>
                {(v.Payload is { Length: > 0 } payload ? Markup.Of($"<h4>Payload</h4><pre class=\"evidence\">{Cut(payload)}</pre>") : Markup.Empty)}
                {(v.Proof is { Length: > 0 } proof ? Markup.Of($"<h4>Proof</h4><pre class=\"evidence\">{Cut(proof)}</pre>") : Markup.Empty)}
                {(v.RawRequest is { Length: > 0 } request ? Markup.Of($"<h4>Request</h4><pre class=\"evidence\" tabindex=\"0\">{Cut(request)}</pre>") : Markup.Empty)}
                {(v.RawResponse is { Length: > 0 } response ? Markup.Of($"<h4>Response</h4><pre class=\"evidence\" tabindex=\"0\">{Cut(response)}</pre>") : Markup.Empty)}
                {(check is { References.Count: > 0 } ? Markup.Of($"<h4>References</h4><ul>{check.References.Where(r => r.Scheme == Uri.UriSchemeHttps).Select(r => Markup.Of($"<li><a href=\"{r.AbsoluteUri}\" rel=\"noopener noreferrer\">{r.Host}{r.AbsolutePath}</a></li>"))}</ul>") : Markup.Empty)}
              </div>
            </details>
            """);
    }

    private static string Or(string? value) => string.IsNullOrEmpty(value) ? "—" : value;

    private static string Cut(string text) =>
        text.Length <= MaxEvidenceChars ? text : string.Concat(text.AsSpan(0, MaxEvidenceChars), "\n… (cut; the reports carry the whole evidence)");
}
