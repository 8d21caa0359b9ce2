using Harrier.Engine.Checks.Active.Shared;

namespace Harrier.Engine.Checks.Active.CommandInjection;

/// <summary>
/// Blind OS command injection: <c>sleep</c> (Unix) and <c>ping -n</c> (Windows) after shell separators. A delay counts
/// only when <see cref="DelayProbe"/> confirms it twice with different durations, with a zero-delay control and a fast
/// baseline before and after.
/// </summary>
internal sealed class TimeBasedCommandInjectionCheck(TimeSpan delayUnit) : IActiveCheck
{
    private static readonly IReadOnlyList<string> s_payloads =
        [.. PayloadFile.ReadLines("command-injection-time-payloads.txt").Select(l => l.Replace("\\n", "\n", StringComparison.Ordinal))];

    /// <summary>The engine's check: a delay unit of 2 s.</summary>
    public TimeBasedCommandInjectionCheck()
        : this(TimeSpan.FromSeconds(2))
    {
    }

    public static IReadOnlyList<string> Payloads => s_payloads;

    public CheckMetadata Metadata => TimeBasedCommandInjectionDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var probe = new DelayProbe(context, delayUnit);
        if (!await probe.BaselineIsFastAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var original = context.InsertionPoint.OriginalValue;
        foreach (var template in s_payloads)
        {
            if (context.IsBudgetExhausted)
            {
                return;
            }

            if (await probe.ConfirmAsync(seconds => DelayProbe.Fill(template, original, seconds), cancellationToken).ConfigureAwait(false) is { } proof)
            {
                var finding = FindingFactory.Create(
                    Metadata, Metadata.Types[0], context.Request, context.InsertionPoint, proof.Payload,
                    context.CreateEvidence(proof.Response, "Response delayed " + proof.Response.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
                        + " s as requested; confirmed with a zero and a shorter delay"));
                await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }
}
