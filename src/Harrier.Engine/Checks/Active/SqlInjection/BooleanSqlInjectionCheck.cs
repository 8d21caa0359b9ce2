using System.Security.Cryptography;
using Harrier.Engine.Checks.Active.Shared;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Active.SqlInjection;

/// <summary>
/// Boolean-based blind SQL injection. The unmodified request is sent again to prove the page is stable; then per
/// context a true condition must give the baseline page and a false condition a clearly different one. A hit is
/// repeated with new random numbers, and both pairs must agree, so a noisy page never counts.
/// </summary>
internal sealed class BooleanSqlInjectionCheck : IActiveCheck
{
    private static readonly IReadOnlyList<string[]> s_pairs = [.. PayloadFile.ReadLines("sqli-boolean-payloads.txt").Select(l => l.Split('\t'))];

    public static IReadOnlyList<string[]> Pairs => s_pairs;

    public CheckMetadata Metadata => BooleanSqlInjectionDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var original = context.InsertionPoint.OriginalValue;
        var baseline = await context.GetBaselineAsync(cancellationToken).ConfigureAwait(false);
        var again = await context.SendAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (baseline is null || again is null || ResponseSimilarity.Compare(baseline, again, original) < ResponseSimilarity.Same)
        {
            return; // The page changes by itself: differences would prove nothing.
        }

        var numeric = long.TryParse(original, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _);
        var pairs = s_pairs.Where(p => numeric || !p[0].StartsWith("numeric", StringComparison.Ordinal));
        foreach (var pair in pairs)
        {
            if (context.Budget - context.RequestsUsed < 4)
            {
                return;
            }

            var first = await TryPairAsync(context, baseline, pair, cancellationToken).ConfigureAwait(false);
            if (first is null)
            {
                continue;
            }

            var second = await TryPairAsync(context, baseline, pair, cancellationToken).ConfigureAwait(false);
            if (second is null || ResponseSimilarity.Compare(first.Value.False, second.Value.False, first.Value.FalsePayload, second.Value.FalsePayload) < ResponseSimilarity.Same)
            {
                continue;
            }

            var finding = FindingFactory.Create(
                Metadata, Metadata.Types[0], context.Request, context.InsertionPoint, second.Value.TruePayload,
                context.CreateEvidence(second.Value.False, "True condition " + second.Value.TruePayload + " returns the original page; false condition "
                    + second.Value.FalsePayload + " returns a different page (HTTP " + second.Value.False.StatusCode + "); confirmed twice with different numbers"));
            await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    private static async Task<(string TruePayload, string FalsePayload, ScanHttpResponse False)?> TryPairAsync(
        ActiveCheckContext context, ScanHttpResponse baseline, string[] pair, CancellationToken cancellationToken)
    {
        var a = RandomNumberGenerator.GetInt32(100, 1000);
        var b = a + RandomNumberGenerator.GetInt32(1, 100);
        var truePayload = Fill(pair[1], context.InsertionPoint.OriginalValue, a, b);
        var falsePayload = Fill(pair[2], context.InsertionPoint.OriginalValue, a, b);
        var whenTrue = await context.SendValueAsync(truePayload, cancellationToken).ConfigureAwait(false);
        if (whenTrue is null || ResponseSimilarity.Compare(baseline, whenTrue, context.InsertionPoint.OriginalValue, truePayload) < ResponseSimilarity.Same)
        {
            return null;
        }

        var whenFalse = await context.SendValueAsync(falsePayload, cancellationToken).ConfigureAwait(false);
        if (whenFalse is null || ResponseSimilarity.Compare(baseline, whenFalse, context.InsertionPoint.OriginalValue, falsePayload) >= ResponseSimilarity.Different)
        {
            return null;
        }

        return (truePayload, falsePayload, whenFalse);
    }

    private static string Fill(string template, string original, int a, int b) =>
        template.Replace("{v}", original, StringComparison.Ordinal)
            .Replace("{a}", a.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{b}", b.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
