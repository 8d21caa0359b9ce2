using System.Collections.Concurrent;
using Harrier.Engine.Checks;
using Harrier.Engine.Crawling;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;

namespace Harrier.Engine.Scanning;

/// <summary>
/// Turns crawled pages into attack jobs: every insertion point times every enabled active check. An insertion point is
/// attacked once per URL template (so <c>/item/1</c> and <c>/item/2</c> share one attack), headers once per site (and
/// once per URL template, with a small budget, by the cheap <see cref="IPerPageHeaderCheck"/>s), and cookies once per
/// site and cookie path (a cookie a page sets for its own path is attacked there, whichever page the crawler reaches
/// first). Resource checks run once per page URL template (<c>/item/1</c> and <c>/item/2</c> share one).
/// </summary>
internal sealed class AttackPlanner(IReadOnlyList<IActiveCheck> checks, ScanHttpClient client, string userAgent, IReadOnlyList<IResourceCheck>? resourceChecks = null)
{
    /// <summary>Requests per header and URL template for a per-page header check: a quote of each kind.</summary>
    public const int PerPageHeaderBudget = 2;

    private readonly ConcurrentDictionary<string, byte> _planned = new(StringComparer.Ordinal);

    public IReadOnlyList<AttackJob> Plan(CrawledPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if ((checks.Count == 0 && resourceChecks is not { Count: > 0 }) || page.Response.StatusCode == 404)
        {
            return [];
        }

        var request = page.Request;
        var jobs = new List<AttackJob>();
        var template = DynamicSignatureLimiter.Template(request.Url, out _);
        if (resourceChecks is { Count: > 0 } && _planned.TryAdd("resource " + template, 0))
        {
            jobs.AddRange(resourceChecks.Select(check => new AttackJob(page, null, check)));
        }

        var options = new InsertionPointOptions(
            PathSegments: true,
            Headers: true,
            JarCookies: client.Cookies.For(request.Url),
            DefaultUserAgent: userAgent,
            PageText: PathSegmentInsertionPoints.VisibleText(page.Response));
        var site = request.Url.GetLeftPart(UriPartial.Authority);
        foreach (var point in InsertionPointEnumerator.Enumerate(request, options))
        {
            if (point.Kind == InsertionPointKind.Header)
            {
                PlanHeader(page, point, site, request.Method + " " + template, jobs);
                continue;
            }

            var scope = point.Kind switch
            {
                InsertionPointKind.Cookie => site + client.Cookies.PathOf(request.Url, point.Name),
                _ => request.Method + " " + template,
            };
            if (!_planned.TryAdd(scope + " " + point, 0))
            {
                continue;
            }

            jobs.AddRange(checks.Select(check => new AttackJob(page, point, check)));
        }

        return jobs;
    }

    /// <summary>
    /// Every check attacks a header once per site; the per-page header checks attack it again on each new URL template,
    /// with <see cref="PerPageHeaderBudget"/> requests (their most telling payloads).
    /// </summary>
    private void PlanHeader(CrawledPage page, InsertionPoint point, string site, string template, List<AttackJob> jobs)
    {
        var firstOnSite = _planned.TryAdd(site + " " + point, 0);
        var firstOnTemplate = _planned.TryAdd(template + " " + point, 0);
        foreach (var check in checks)
        {
            if (firstOnSite)
            {
                jobs.Add(new AttackJob(page, point, check));
            }
            else if (firstOnTemplate && check is IPerPageHeaderCheck && !StaticFile.Is(page.Request.Url))
            {
                jobs.Add(new AttackJob(page, point, check, PerPageHeaderBudget));
            }
        }
    }
}
