namespace Harrier.Engine.Checks.Active.CommandInjection;

/// <summary>
/// Output-based OS command injection with Unix (<c>;</c>, <c>|</c>, <c>&amp;&amp;</c>, <c>$()</c>, backticks, newline)
/// and Windows (<c>&amp;</c>, <c>|</c>) separators. The injected <c>echo</c> prints two random tokens joined, which
/// the payload never contains joined; a hit is confirmed by a second request with new tokens.
/// </summary>
internal sealed class CommandInjectionCheck : IActiveCheck
{
    private static readonly IReadOnlyList<string[]> s_payloads =
        [.. PayloadFile.ReadLines("command-injection-payloads.txt").Select(l => l.Replace("\\n", "\n", StringComparison.Ordinal).Split('\t'))];

    public static IReadOnlyList<string[]> Payloads => s_payloads;

    public CheckMetadata Metadata => CommandInjectionDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entry in s_payloads)
        {
            if (context.Budget - context.RequestsUsed < 2)
            {
                return;
            }

            if (await TryAsync(context, entry[1], cancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            if (await TryAsync(context, entry[1], cancellationToken).ConfigureAwait(false) is { } confirmed)
            {
                var finding = FindingFactory.Create(
                    Metadata, Metadata.Types[0], context.Request, context.InsertionPoint, confirmed.Payload,
                    context.CreateEvidence(confirmed.Response, confirmed.Output));
                await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    private static async Task<(Http.ScanHttpResponse Response, string Payload, string Output)?> TryAsync(
        ActiveCheckContext context, string template, CancellationToken cancellationToken)
    {
        var a = ActiveCheckContext.NewToken();
        var b = ActiveCheckContext.NewToken();
        var payload = template.Replace("{v}", context.InsertionPoint.OriginalValue, StringComparison.Ordinal)
            .Replace("{a}", a, StringComparison.Ordinal).Replace("{b}", b, StringComparison.Ordinal);
        var response = await context.SendValueAsync(payload, cancellationToken).ConfigureAwait(false);
        var output = a + b;
        return response is not null && response.BodyText.Contains(output, StringComparison.Ordinal) ? (response, payload, output) : null;
    }
}
