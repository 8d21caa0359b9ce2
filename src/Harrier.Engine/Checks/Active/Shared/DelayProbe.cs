using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Active.Shared;

/// <summary>
/// Confirms a time-based injection. Response times come from the send path, measured with the scan's
/// <see cref="TimeProvider"/> (<c>GetTimestamp</c>) around the exchange on the wire. With a delay unit D:
/// <list type="number">
/// <item>the unmodified request must answer in less than D (never judge a slow target);</item>
/// <item>the payload asking for 2·D must take at least 2·D (and less than 2·D + D + baseline);</item>
/// <item>the same payload asking for 0 must answer in less than D (the payload itself is not slow);</item>
/// <item>the payload asking for D must take at least D and less than 2·D (the delay follows the number asked);</item>
/// <item>the unmodified request again answers in less than D (the target did not just become slow).</item>
/// </list>
/// Non-vulnerable values cost one request per payload after the baseline.
/// </summary>
internal sealed class DelayProbe(ActiveCheckContext context, TimeSpan unit)
{
    private TimeSpan? _baseline;

    public TimeSpan Unit { get; } = unit;

    /// <summary>False when the baseline is slow (or failed): time-based checks must then not run at all.</summary>
    public async Task<bool> BaselineIsFastAsync(CancellationToken cancellationToken)
    {
        var response = await context.SendAsync(context.Request, cancellationToken).ConfigureAwait(false);
        _baseline = response?.Elapsed;
        return response is not null && response.Elapsed < Unit;
    }

    /// <summary>
    /// Runs the confirmation for one payload template (<c>{s}</c> = seconds, <c>{s1}</c> = seconds + 1); returns the
    /// delayed response and the payload of the 2·D request when every step held, else null.
    /// </summary>
    public async Task<(ScanHttpResponse Response, string Payload)?> ConfirmAsync(Func<int, string> payloadFor, CancellationToken cancellationToken)
    {
        if (_baseline is not { } baseline || context.Budget - context.RequestsUsed < 4)
        {
            return null;
        }

        var seconds = (int)Math.Round(Unit.TotalSeconds);
        var longPayload = payloadFor(2 * seconds);
        var slow = await context.SendValueAsync(longPayload, cancellationToken).ConfigureAwait(false);
        if (slow is null || slow.Elapsed < AtLeast(2 * Unit) || slow.Elapsed >= (3 * Unit) + baseline)
        {
            return null;
        }

        var zero = await context.SendValueAsync(payloadFor(0), cancellationToken).ConfigureAwait(false);
        if (zero is null || zero.Elapsed >= Unit)
        {
            return null;
        }

        var single = await context.SendValueAsync(payloadFor(seconds), cancellationToken).ConfigureAwait(false);
        if (single is null || single.Elapsed < AtLeast(Unit) || single.Elapsed >= AtLeast(2 * Unit))
        {
            return null;
        }

        var again = await context.SendAsync(context.Request, cancellationToken).ConfigureAwait(false);
        return again is not null && again.Elapsed < Unit ? (slow, longPayload) : null;
    }

    /// <summary>A requested delay less 2 %: timers and clocks may end a wait a few milliseconds early.</summary>
    private static TimeSpan AtLeast(TimeSpan delay) => delay * 0.98;

    /// <summary>Fills a template's <c>{v}</c> (original value), <c>{s}</c> and <c>{s1}</c> placeholders.</summary>
    /// <summary>
    /// The whole time-based attack both blind checks run: stop on a slow baseline, then try each payload template
    /// (placeholders filled by <see cref="Fill"/>) until one delay is confirmed, and report it once.
    /// </summary>
    public static async Task RunAsync(
        ActiveCheckContext context, CheckMetadata metadata, IReadOnlyList<string> templates, TimeSpan unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(templates);
        var probe = new DelayProbe(context, unit);
        if (!await probe.BaselineIsFastAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var original = context.InsertionPoint.OriginalValue;
        foreach (var template in templates)
        {
            if (context.IsBudgetExhausted)
            {
                return;
            }

            if (await probe.ConfirmAsync(seconds => Fill(template, original, seconds), cancellationToken).ConfigureAwait(false) is { } proof)
            {
                var seconds = (2 * unit.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var finding = FindingFactory.Create(
                    metadata, metadata.Types[0], context.Request, context.InsertionPoint, proof.Payload,
                    context.CreateEvidence(proof.Response, "Response delayed " + proof.Response.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
                        + " s for a requested " + seconds + " s; confirmed with 0 s and " + unit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s"));
                await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    public static string Fill(string template, string original, int seconds) =>
        template.Replace("{v}", original, StringComparison.Ordinal)
            .Replace("{s1}", (seconds + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{s}", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
