using System.Globalization;
using System.Security.Cryptography;

namespace Harrier.Engine.Checks.Active.TemplateInjection;

/// <summary>
/// Server-side template injection and expression evaluation: arithmetic in each template syntax (<c>{{a*b}}</c>,
/// <c>${a*b}</c>, <c>&lt;%= a*b %&gt;</c>, <c>#{a*b}</c>, <c>@(a*b)</c>, …) with random factors. A syntax counts only
/// when the product of two different random pairs appears, each absent from the baseline and from the payload.
/// </summary>
internal sealed class TemplateInjectionCheck : IActiveCheck
{
    private static readonly IReadOnlyList<string[]> s_payloads = [.. PayloadFile.ReadLines("ssti-payloads.txt").Select(l => l.Split('\t'))];

    public static IReadOnlyList<string[]> Payloads => s_payloads;

    public CheckMetadata Metadata => TemplateInjectionDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var baseline = (await context.GetBaselineAsync(cancellationToken).ConfigureAwait(false))?.BodyText ?? "";
        foreach (var entry in s_payloads)
        {
            if (context.Budget - context.RequestsUsed < 2)
            {
                return;
            }

            if (await TryAsync(context, entry[1], baseline, cancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            if (await TryAsync(context, entry[1], baseline, cancellationToken).ConfigureAwait(false) is { } confirmed)
            {
                var type = Metadata.Types[0];
                var finding = FindingFactory.Create(
                    Metadata, type with { Title = type.Title + " (" + entry[0] + ")" }, context.Request, context.InsertionPoint,
                    confirmed.Payload, context.CreateEvidence(confirmed.Response, confirmed.Product));
                await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    private static async Task<(Http.ScanHttpResponse Response, string Payload, string Product)?> TryAsync(
        ActiveCheckContext context, string template, string baseline, CancellationToken cancellationToken)
    {
        var a = RandomNumberGenerator.GetInt32(10_000, 100_000);
        var b = RandomNumberGenerator.GetInt32(10_000, 100_000);
        var product = ((long)a * b).ToString(CultureInfo.InvariantCulture);
        var payload = context.InsertionPoint.OriginalValue + template
            .Replace("{a}", a.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{b}", b.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (baseline.Contains(product, StringComparison.Ordinal))
        {
            return null;
        }

        var response = await context.SendValueAsync(payload, cancellationToken).ConfigureAwait(false);
        return response is not null && response.BodyText.Contains(product, StringComparison.Ordinal) ? (response, payload, product) : null;
    }
}
