using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Active.Xss;

/// <summary>
/// Reflected XSS on one insertion point. A harmless token first checks that the value is reflected at all (one request);
/// then payloads, cheapest and most general first, until one's HTML structure survives in the parsed response
/// (<c>Xss</c>). If a payload only comes back as raw markup without structure, it reports <c>PossibleXss</c>.
/// </summary>
internal sealed class ReflectedXssCheck : IActiveCheck
{
    private static readonly IReadOnlyList<string> s_payloads = PayloadFile.ReadLines("xss-payloads.txt");

    public static IReadOnlyList<string> Payloads => s_payloads;

    public CheckMetadata Metadata => ReflectedXssDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var probeToken = ActiveCheckContext.NewToken();
        var probe = await context.SendValueAsync(probeToken, cancellationToken).ConfigureAwait(false);
        if (probe is null || !probe.IsHtml || !probe.BodyText.Contains(probeToken, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        (ScanHttpResponse Response, string Payload)? possible = null;
        foreach (var template in s_payloads)
        {
            if (context.IsBudgetExhausted)
            {
                break;
            }

            var token = ActiveCheckContext.NewToken();
            var payload = template.Replace("{t}", token, StringComparison.Ordinal);
            var response = await context.SendValueAsync(payload, cancellationToken).ConfigureAwait(false);
            if (response is null || !response.IsHtml)
            {
                continue;
            }

            var body = response.BodyText;
            if (HtmlReflectionAnalyzer.HasExecutableReflection(body, token))
            {
                await ReportAsync(context, "Xss", response, payload, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (possible is null && HtmlReflectionAnalyzer.IsReflectedRaw(body, payload))
            {
                possible = (response, payload);
            }
        }

        if (possible is { } partial)
        {
            await ReportAsync(context, "PossibleXss", partial.Response, partial.Payload, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReportAsync(ActiveCheckContext context, string typeName, ScanHttpResponse response, string payload, CancellationToken cancellationToken)
    {
        var finding = FindingFactory.Create(
            Metadata,
            Metadata.Type(typeName),
            context.Request,
            context.InsertionPoint,
            payload,
            context.CreateEvidence(response, payload));
        await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
    }
}
