using System.Globalization;
using Harrier.Core.Scans;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Harrier.Web.Authentication;
using Harrier.Web.Html;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Web.Pages;

/// <summary><c>/websites</c>: each website's latest threat level and a chart of findings per scan (inline SVG).</summary>
internal static class WebsitesPage
{
    public const int TrendScans = 12;

    private static readonly Severity[] s_charted = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low];

    public static void Map(RouteGroupBuilder ui) => ui.MapGet("/websites", Show);

    public static async Task<IResult> Show(HttpContext http, HarrierDbContext db, CancellationToken cancellationToken)
    {
        var userId = WebSession.UserId(http.User);
        var websites = await db.Websites.AsNoTracking().Where(w => w.UserId == userId && w.DeletedAt == null).OrderBy(w => w.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var scans = await db.Scans.AsNoTracking().Where(s => s.UserId == userId && s.DeletedAt == null && s.State == ScanTaskState.Complete)
            .OrderByDescending(s => s.InitiatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byWebsite = scans.GroupBy(s => s.WebsiteId).ToDictionary(g => g.Key, g => g.Take(TrendScans).Reverse().ToList());
        var body = Markup.Of($"""
            <div class="page-head"><h1>Websites</h1><a class="button primary" href="/scans/new">New scan</a></div>
            {(websites.Count == 0 ? Markup.Trusted("<p class=\"empty\">No websites yet. Launching a scan registers its website.</p>") : Markup.Empty)}
            {websites.Select(w => Website(w, byWebsite.GetValueOrDefault(w.Id, [])))}
            """);
        return Layout.Page(http, "Websites", "websites", body);
    }

    private static Markup Website(WebsiteEntity website, List<ScanEntity> trend)
    {
        var latest = trend.Count > 0 ? trend[^1] : null;
        var threat = latest is null ? ThreatLevel.Unknown : ScanStateRules.ThreatLevelFor(Ui.Counts(latest), hasRun: true);
        return Markup.Of($"""
            <section class="card website" id="w-{website.Id}" aria-labelledby="wh-{website.Id}">
              <div class="page-head">
                <h2 id="wh-{website.Id}">{website.Name}</h2>
                {Ui.ThreatBadge(threat)}
              </div>
              <p class="sub"><code>{website.RootUrl}</code></p>
              <p><a href="/scans?website={website.Id}">Scans</a> · <a href="/scans/new?target={Uri.EscapeDataString(website.RootUrl)}">Scan this website</a>{(latest is null ? Markup.Empty : Markup.Of($" · <a href=\"/scans/{latest.Id}\">Latest complete scan</a>"))}</p>
              {Chart(website.Id, trend)}
            </section>
            """);
    }

    /// <summary>Stacked bars of Critical/High/Medium/Low findings for each of the last complete scans, oldest first.</summary>
    internal static Markup Chart(Guid id, List<ScanEntity> scans)
    {
        if (scans.Count == 0)
        {
            return Markup.Trusted("<p class=\"empty\">No complete scans yet.</p>");
        }

        const int width = 560, height = 160, left = 32, bottom = 20, top = 8;
        var max = Math.Max(1, scans.Max(s => s_charted.Sum(v => Ui.Count(s, v))));
        var slot = (width - left) / (double)TrendScans;
        var bars = new List<Markup>();
        for (var i = 0; i < scans.Count; i++)
        {
            var y = (double)(height - bottom);
            foreach (var severity in s_charted.Reverse())
            {
                var h = Ui.Count(scans[i], severity) * (height - bottom - top) / (double)max;
                if (h <= 0)
                {
                    continue;
                }

                y -= h;
                bars.Add(Markup.Of($"<rect class=\"bar-{severity.ToString().ToLowerInvariant()}\" x=\"{F(left + (i * slot) + 4)}\" y=\"{F(y)}\" width=\"{F(slot - 8)}\" height=\"{F(h)}\"><title>{Ui.SeverityLabel(severity)}: {Ui.Count(scans[i], severity)}</title></rect>"));
            }

            bars.Add(Markup.Of($"<text x=\"{F(left + (i * slot) + (slot / 2))}\" y=\"{height - 5}\" text-anchor=\"middle\">{i + 1}</text>"));
        }

        var summary = string.Join(", ", scans.Select((s, i) => string.Create(CultureInfo.InvariantCulture,
            $"scan {i + 1}: {s.CriticalCount} critical, {s.HighCount} high, {s.MediumCount} medium, {s.LowCount} low")));
        return Markup.Of($"""
            <figure>
              <svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-{id}" focusable="false">
                <title id="chart-{id}">Findings per scan, oldest first: {summary}</title>
                <line class="axis" x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}"/>
                <line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}"/>
                <text x="{left - 4}" y="{top + 10}" text-anchor="end">{max}</text>
                <text x="{left - 4}" y="{height - bottom}" text-anchor="end">0</text>
                {bars}
              </svg>
              <figcaption class="sub">Critical, high, medium and low findings in the last {scans.Count} complete scans.</figcaption>
            </figure>
            """);
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
