using AngleSharp.Html.Parser;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;

namespace Harrier.Engine.Checks.Active.ParameterPollution;

/// <summary>
/// HTTP parameter pollution, the cheap kind: one request whose query or form value is followed by
/// <c>&amp;name=value</c> with a random name. The page is parsed, and if a URL it generates (link, form action, frame,
/// image or script source) has a query parameter of exactly that name, the value was pasted into the URL unencoded.
/// An encoded reflection leaves the pair inside the original parameter's value and never counts.
/// </summary>
internal sealed class ParameterPollutionCheck : IActiveCheck
{
    private const string UrlSelector = "a[href], area[href], link[href], form[action], button[formaction], iframe[src], frame[src], img[src], script[src]";

    public CheckMetadata Metadata => ParameterPollutionDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InsertionPoint.Kind is not (InsertionPointKind.Query or InsertionPointKind.Form))
        {
            return;
        }

        var name = ActiveCheckContext.NewToken();
        var payload = context.InsertionPoint.OriginalValue + "&" + name + "=" + ActiveCheckContext.NewToken();
        var response = await context.SendValueAsync(payload, cancellationToken).ConfigureAwait(false);
        if (response is not { IsHtml: true } || !response.BodyText.Contains(name, StringComparison.OrdinalIgnoreCase)
            || PollutedUrl(response, name) is not { } url)
        {
            return;
        }

        var finding = FindingFactory.Create(
            Metadata, Metadata.Types[0], context.Request, context.InsertionPoint, payload, context.CreateEvidence(response, url));
        await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first URL in the page whose query has a parameter named <paramref name="name"/>.</summary>
    private static string? PollutedUrl(ScanHttpResponse response, string name)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(response.BodyText);
        foreach (var element in document.QuerySelectorAll(UrlSelector))
        {
            var value = element.GetAttribute("href") ?? element.GetAttribute("action") ?? element.GetAttribute("formaction") ?? element.GetAttribute("src");
            if (value is null || !Uri.TryCreate(response.Request.Url, value.Trim(), out var url))
            {
                continue;
            }

            if (UrlEncodedPairs.Parse(url.Query.TrimStart('?')).Any(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)))
            {
                return value;
            }
        }

        return null;
    }
}
