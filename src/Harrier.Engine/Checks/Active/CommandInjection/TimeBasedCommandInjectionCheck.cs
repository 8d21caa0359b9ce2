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

    public Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken) =>
        DelayProbe.RunAsync(context, Metadata, s_payloads, delayUnit, cancellationToken);
}
