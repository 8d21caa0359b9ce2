using Harrier.Core.Scans;
using Harrier.Storage;
using Harrier.Web.Authentication;
using Harrier.Web.Html;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Web.Pages;

/// <summary><c>/scans</c>: the caller's scans, filtered by state and website, paged, and refreshed live by app.js.</summary>
internal static class ScansListPage
{
    public const int PageSize = 20;

    private static readonly ScanTaskState[] s_filterStates =
    [
        ScanTaskState.Queued, ScanTaskState.Scanning, ScanTaskState.Paused, ScanTaskState.Delayed,
        ScanTaskState.Complete, ScanTaskState.Failed, ScanTaskState.Cancelled,
    ];

    public static void Map(RouteGroupBuilder ui)
    {
        ui.MapGet("/scans", Show);
        ui.MapGet("/scans/live", Live);
    }

    public static async Task<IResult> Show(HttpContext http, HarrierDbContext db, TimeProvider time, string? state, string? website, int? page, string? notice,
        CancellationToken cancellationToken)
    {
        var filter = Filter.From(state, website, page);
        var websites = await db.Websites.AsNoTracking().Where(w => w.UserId == WebSession.UserId(http.User) && w.DeletedAt == null)
            .OrderBy(w => w.Name).Select(w => new { w.Id, w.Name, w.RootUrl }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var list = await ListAsync(http, db, time, filter, cancellationToken).ConfigureAwait(false);
        var body = Markup.Of($"""
            <div class="page-head">
              <h1>Scans</h1>
              <a class="button primary" href="/scans/new">New scan</a>
            </div>
            {Ui.Notice(notice)}
            <form class="filters" method="get" action="/scans" role="search" aria-label="Filter scans">
              <label for="f-state">State</label>
              <select id="f-state" name="state">
                <option value="">All states</option>
                {s_filterStates.Select(s => Markup.Of($"<option value=\"{s}\"{Selected(filter.State == s)}>{s}</option>"))}
              </select>
              <label for="f-website">Website</label>
              <select id="f-website" name="website">
                <option value="">All websites</option>
                {websites.Select(w => Markup.Of($"<option value=\"{w.Id}\"{Selected(filter.WebsiteId == w.Id)}>{w.Name} ({w.RootUrl})</option>"))}
              </select>
              <button type="submit">Filter</button>
            </form>
            {list}
            """);
        return Layout.Page(http, "Scans", "scans", body);
    }

    /// <summary>The list region alone, polled by app.js every few seconds.</summary>
    public static async Task<IResult> Live(HttpContext http, HarrierDbContext db, TimeProvider time, string? state, string? website, int? page,
        CancellationToken cancellationToken) =>
        Layout.Html(http, await ListAsync(http, db, time, Filter.From(state, website, page), cancellationToken).ConfigureAwait(false));

    private static async Task<Markup> ListAsync(HttpContext http, HarrierDbContext db, TimeProvider time, Filter filter, CancellationToken cancellationToken)
    {
        var userId = WebSession.UserId(http.User);
        var query = db.Scans.AsNoTracking().Where(s => s.UserId == userId && s.DeletedAt == null);
        if (filter.State is { } state)
        {
            query = query.Where(s => s.State == state);
        }

        if (filter.WebsiteId is { } websiteId)
        {
            query = query.Where(s => s.WebsiteId == websiteId);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Min(filter.Page, pages);
        var scans = await query.OrderByDescending(s => s.InitiatedAt).Skip((current - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var websiteIds = scans.Select(s => s.WebsiteId).Distinct().ToList();
        var names = await db.Websites.AsNoTracking().Where(w => websiteIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken)
            .ConfigureAwait(false);
        var active = scans.Any(s => !ScanStateRules.IsTerminal(s.State));
        var liveUrl = "/scans/live" + Ui.Query(("state", filter.State?.ToString()), ("website", filter.WebsiteId?.ToString()), ("page", current > 1 ? current.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
        var now = time.GetUtcNow().UtcDateTime;
        var rows = scans.Select(s => Markup.Of($"""
            <tr data-scan-id="{s.Id}">
              <td data-label="Target"><a href="/scans/{s.Id}" class="target">{s.TargetUrl}</a><span class="sub">{names.GetValueOrDefault(s.WebsiteId, "")}</span></td>
              <td data-label="State">{Ui.StateBadge(s.State)}</td>
              <td data-label="Phase" class="phase">{Ui.PhaseLabel(s.Phase)}</td>
              <td data-label="Progress">{Ui.Progress(s, "Progress of the scan of " + s.TargetUrl)}</td>
              <td data-label="Findings">{Ui.SeverityCounts(s)}</td>
              <td data-label="Started">{Ui.Time(http.User, s.InitiatedAt)}<span class="sub">{Ui.Duration(Ui.Elapsed(s, now))}</span></td>
            </tr>
            """));
        var empty = Markup.Of($"""<tr><td colspan="6" class="empty">No scans{(filter.State is null && filter.WebsiteId is null ? "" : " match these filters")}. <a href="/scans/new">Launch one</a>.</td></tr>""");
        return Markup.Of($"""
            <div id="scan-list" data-live="{liveUrl}" data-live-interval="{(active ? 1500 : 5000)}" aria-live="off">
              <table class="scans">
                <caption class="sr">Scans, newest first</caption>
                <thead><tr><th scope="col">Target</th><th scope="col">State</th><th scope="col">Phase</th><th scope="col">Progress</th><th scope="col">Findings</th><th scope="col">Started</th></tr></thead>
                <tbody>{(scans.Count == 0 ? empty : Markup.Join(rows))}</tbody>
              </table>
              {Pager(filter, current, pages, total)}
            </div>
            """);
    }

    private static Markup Pager(Filter filter, int current, int pages, int total)
    {
        string Link(int page) => "/scans" + Ui.Query(("state", filter.State?.ToString()), ("website", filter.WebsiteId?.ToString()),
            ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Markup.Of($"""
            <nav class="pager" aria-label="Pages">
              {(current > 1 ? Markup.Of($"<a href=\"{Link(current - 1)}\" rel=\"prev\">← Newer</a>") : Markup.Trusted("<span></span>"))}
              <span>Page {current} of {pages} · {total} scans</span>
              {(current < pages ? Markup.Of($"<a href=\"{Link(current + 1)}\" rel=\"next\">Older →</a>") : Markup.Trusted("<span></span>"))}
            </nav>
            """);
    }

    private static Markup Selected(bool selected) => selected ? Markup.Trusted(" selected") : Markup.Empty;

    private sealed record Filter(ScanTaskState? State, Guid? WebsiteId, int Page)
    {
        public static Filter From(string? state, string? website, int? page) => new(
            Enum.TryParse<ScanTaskState>(state, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null,
            Guid.TryParse(website, out var w) ? w : null,
            page is > 0 ? page.Value : 1);
    }
}
