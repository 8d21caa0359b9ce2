using System.Text.RegularExpressions;
using Harrier.Core.Findings;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;

namespace Harrier.Engine.Checks.Active.Xss;

/// <summary>
/// Stored XSS. During the attack phase it submits token-marked payloads through query, form and JSON values and
/// records them (<see cref="ActiveCheckContext.Plant"/>); when the submission answers with a redirect (post/redirect/get)
/// it looks at the page it leads to at once. After the attack phase it fetches the crawled GET pages again
/// (<see cref="LookAgainAsync"/>). Either way a token counts only where the payload's structure survived in a page
/// other than the submission's own response (which would be reflection, the reflected check's business), and the
/// finding is reported at the submitting request and parameter with the page that showed it as evidence.
/// </summary>
internal sealed partial class StoredXssCheck : ISecondLookCheck
{
    private static readonly IReadOnlyList<string> s_payloads = PayloadFile.ReadLines("stored-xss-payloads.txt");

    public CheckMetadata Metadata => StoredXssDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InsertionPoint.Kind is not (InsertionPointKind.Query or InsertionPointKind.Form or InsertionPointKind.Json))
        {
            return;
        }

        // Each planted payload may cost a second request (the redirect's page); the rest of the budget stays unused.
        var count = Math.Min(s_payloads.Count, Math.Max(1, context.Budget / 4));
        foreach (var template in s_payloads.Take(count))
        {
            var token = ActiveCheckContext.NewToken();
            var payload = template.Replace("{t}", token, StringComparison.Ordinal);
            var response = await context.SendValueAsync(payload, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                continue;
            }

            context.Plant(token, payload);
            if (RedirectTarget(response, token) is not { } next)
            {
                continue;
            }

            var page = await context.SendAsync(ScanHttpRequest.Get(next), cancellationToken).ConfigureAwait(false);
            if (page is { IsHtml: true } && HtmlReflectionAnalyzer.HasExecutableReflection(page.BodyText, token))
            {
                var evidence = context.CreateEvidence(page, Proof(payload, page));
                await context.ReportAsync(Create(context.Request, context.InsertionPoint, payload, evidence), cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    public async Task LookAgainAsync(SecondLookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Planted.Count == 0)
        {
            return;
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in Prioritized(context.Pages, context.Planted))
        {
            var page = await context.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (context.RequestsUsed >= context.Budget && page is null)
            {
                return;
            }

            if (page is not { IsHtml: true })
            {
                continue;
            }

            var body = page.BodyText;
            foreach (var token in Token().Matches(body).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (context.Planted.Find(token) is not { } planted
                    || !HtmlReflectionAnalyzer.HasExecutableReflection(body, token)
                    || !reported.Add(planted.Request.Method + " " + planted.Request.Url.AbsoluteUri + " " + planted.Point))
                {
                    continue;
                }

                var evidence = context.CreateEvidence(page, Proof(planted.Payload, page));
                await context.ReportAsync(Create(planted.Request, planted.Point, planted.Payload, evidence), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Pages at the path a payload was submitted to come first (a form usually shows what it stored), then crawl order.</summary>
    private static IEnumerable<ScanHttpRequest> Prioritized(IReadOnlyList<ScanHttpRequest> pages, PlantedPayloads planted)
    {
        var submitted = planted.All.Select(p => p.Request.Url.GetLeftPart(UriPartial.Path)).ToHashSet(StringComparer.Ordinal);
        return pages.OrderBy(p => submitted.Contains(p.Url.GetLeftPart(UriPartial.Path)) ? 0 : 1);
    }

    /// <summary>A same-site redirect target that does not itself carry the token (that would be reflection through the URL).</summary>
    private static Uri? RedirectTarget(ScanHttpResponse response, string token)
    {
        if (!response.IsRedirect
            || !Uri.TryCreate(response.Request.Url, response.GetHeader("Location"), out var next)
            || next.GetLeftPart(UriPartial.Authority) != response.Request.Url.GetLeftPart(UriPartial.Authority)
            || next.OriginalString.Contains(token, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return next;
    }

    private Finding Create(ScanHttpRequest request, InsertionPoint point, string payload, Evidence evidence) =>
        FindingFactory.Create(Metadata, Metadata.Types[0], request, point, payload, evidence);

    private static string Proof(string payload, ScanHttpResponse page) => payload + " (shown on " + page.Request.Url.AbsoluteUri + ")";

    // The shape of ActiveCheckContext.NewToken().
    [GeneratedRegex("hrr[a-z0-9]{8}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Token();
}
