using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Active.Shared;

/// <summary>
/// The error-based injection loop shared by XPath and LDAP injection: append each syntax-breaking suffix to the original
/// value, one request each, until a response shows an error signature that the baseline (the unattacked response)
/// does not already show.
/// </summary>
internal static class ErrorBasedProbe
{
    public sealed record Hit(string Payload, ScanHttpResponse Response, string Label, string Match);

    public static async Task<Hit?> RunAsync(ActiveCheckContext context, IReadOnlyList<string> suffixes, ErrorSignatureSet signatures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var baseline = await context.GetBaselineAsync(cancellationToken).ConfigureAwait(false);
        var baselineText = baseline?.BodyText ?? "";
        foreach (var suffix in suffixes)
        {
            if (context.IsBudgetExhausted)
            {
                return null;
            }

            var payload = context.InsertionPoint.OriginalValue + suffix;
            var response = await context.SendValueAsync(payload, cancellationToken).ConfigureAwait(false);
            if (response is not null && signatures.FirstNewMatch(response.BodyText, baselineText) is { } match)
            {
                return new Hit(payload, response, match.Label, match.Match);
            }
        }

        return null;
    }

    /// <summary>Runs the probe and reports its first hit as a finding of <paramref name="metadata"/>'s first type, titled with the error's source.</summary>
    public static async Task RunAndReportAsync(ActiveCheckContext context, CheckMetadata metadata, IReadOnlyList<string> suffixes, ErrorSignatureSet signatures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(metadata);
        if (await RunAsync(context, suffixes, signatures, cancellationToken).ConfigureAwait(false) is not { } hit)
        {
            return;
        }

        var type = metadata.Types[0];
        var finding = FindingFactory.Create(
            metadata,
            type with { Title = type.Title + " (" + hit.Label + ")" },
            context.Request,
            context.InsertionPoint,
            hit.Payload,
            context.CreateEvidence(hit.Response, hit.Match));
        await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
    }
}
