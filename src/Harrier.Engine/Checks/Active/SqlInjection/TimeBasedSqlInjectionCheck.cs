using Harrier.Engine.Checks.Active.Shared;

namespace Harrier.Engine.Checks.Active.SqlInjection;

/// <summary>
/// Time-based blind SQL injection: payloads ask the database to wait (MySQL <c>SLEEP</c>, PostgreSQL <c>pg_sleep</c>,
/// SQL Server <c>WAITFOR DELAY</c>, Oracle <c>DBMS_PIPE.RECEIVE_MESSAGE</c>). A delay counts only when
/// <see cref="DelayProbe"/> confirms it twice with different durations, with a zero-delay control and a fast baseline
/// before and after; a slow baseline stops the check at once.
/// </summary>
internal sealed class TimeBasedSqlInjectionCheck(TimeSpan delayUnit) : IActiveCheck
{
    private static readonly IReadOnlyList<string> s_payloads = PayloadFile.ReadLines("sqli-time-payloads.txt");

    /// <summary>The engine's check: a delay unit of 2 s (payloads wait 4 s, 0 s and 2 s).</summary>
    public TimeBasedSqlInjectionCheck()
        : this(TimeSpan.FromSeconds(2))
    {
    }

    public static IReadOnlyList<string> Payloads => s_payloads;

    public CheckMetadata Metadata => TimeBasedSqlInjectionDefinition.Metadata;

    public Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken) =>
        DelayProbe.RunAsync(context, Metadata, s_payloads, delayUnit, cancellationToken);
}
