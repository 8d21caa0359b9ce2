namespace Harrier.Engine.Checks.Active.HeaderInjection;

/// <summary>
/// CRLF / HTTP header injection: the value carries a line break followed by a header with a random name and token
/// (raw CR LF, LF only, double-encoded, and the UTF-8 characters some servers truncate to CR and LF). A finding needs
/// a response header of that random name carrying the token: the body or a reflected header value never counts.
/// </summary>
internal sealed class CrlfInjectionCheck : IActiveCheck
{
    private static readonly IReadOnlyList<string> s_payloads =
        [.. PayloadFile.ReadLines("crlf-payloads.txt").Select(l => l.Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal))];

    public static IReadOnlyList<string> Payloads => s_payloads;

    public CheckMetadata Metadata => CrlfInjectionDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var template in s_payloads)
        {
            if (context.IsBudgetExhausted)
            {
                return;
            }

            var name = "X-Hrr-" + ActiveCheckContext.NewToken();
            var token = ActiveCheckContext.NewToken();
            var payload = template.Replace("{v}", context.InsertionPoint.OriginalValue, StringComparison.Ordinal)
                .Replace("{n}", name, StringComparison.Ordinal).Replace("{t}", token, StringComparison.Ordinal);
            var response = await context.SendValueAsync(payload, cancellationToken).ConfigureAwait(false);
            if (response?.GetHeader(name) is not { } value || !value.Contains(token, StringComparison.Ordinal))
            {
                continue;
            }

            var finding = FindingFactory.Create(
                Metadata, Metadata.Types[0], context.Request, context.InsertionPoint, payload, context.CreateEvidence(response, name + ": " + value));
            await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
            return;
        }
    }
}
