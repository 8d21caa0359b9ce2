namespace Harrier.Engine.Checks.Active.SqlInjection;

/// <summary>
/// Error-based SQL injection on one insertion point: appends syntax-breaking payloads to the original value and looks
/// for a database error signature (MySQL/MariaDB, PostgreSQL, SQLite, SQL Server, Oracle) that the baseline response
/// does not already contain. Stops at the first confirmation.
/// </summary>
internal sealed class ErrorBasedSqlInjectionCheck : IPerPageHeaderCheck
{
    private static readonly IReadOnlyList<string> s_payloads = PayloadFile.ReadLines("sqli-error-payloads.txt");

    public static IReadOnlyList<string> Payloads => s_payloads;

    public CheckMetadata Metadata => ErrorBasedSqlInjectionDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var baseline = await context.GetBaselineAsync(cancellationToken).ConfigureAwait(false);
        var baselineText = baseline?.BodyText ?? "";
        foreach (var suffix in s_payloads)
        {
            if (context.IsBudgetExhausted)
            {
                return;
            }

            var payload = context.InsertionPoint.OriginalValue + suffix;
            var response = await context.SendValueAsync(payload, cancellationToken).ConfigureAwait(false);
            // A signature the baseline already shows is not caused by the payload.
            if (response is null || SqlErrorSignatures.FirstNewMatch(response.BodyText, baselineText) is not { } match)
            {
                continue;
            }

            var type = Metadata.Type("ConfirmedSqlInjection");
            var finding = FindingFactory.Create(
                Metadata,
                type with { Title = type.Title + " (" + match.Signature.Database + ")" },
                context.Request,
                context.InsertionPoint,
                payload,
                context.CreateEvidence(response, match.Match));
            await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
            return;
        }
    }
}
