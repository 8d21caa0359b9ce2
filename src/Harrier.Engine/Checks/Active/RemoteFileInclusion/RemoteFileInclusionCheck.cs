using System.Globalization;
using System.Security.Cryptography;
using Harrier.Engine.Checks.Active.Shared;

namespace Harrier.Engine.Checks.Active.RemoteFileInclusion;

/// <summary>
/// Remote file inclusion: URL-like values are replaced by a token URL of the out-of-band listener that serves a
/// PHP-style snippet printing the product of two random five-digit numbers. A finding needs both the callback and
/// the computed product in the response (absent from the baseline): the server fetched the file and ran it.
/// A fetch whose content is only shown is server-side request forgery (<see cref="Ssrf.SsrfCheck"/>).
/// </summary>
internal sealed class RemoteFileInclusionCheck : IOutOfBandCheck
{
    public CheckMetadata Metadata => RemoteFileInclusionDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.OutOfBand is not { } listener || !OutOfBandProbe.IsUrlLike(context.InsertionPoint))
        {
            return;
        }

        var baseline = (await context.GetBaselineAsync(cancellationToken).ConfigureAwait(false))?.BodyText ?? "";

        // The plain URL, then one ending in "?" so that an extension the application appends ends up in the query.
        foreach (var suffix in new[] { "", "?" })
        {
            var a = RandomNumberGenerator.GetInt32(10_000, 100_000);
            var b = RandomNumberGenerator.GetInt32(10_000, 100_000);
            var product = ((long)a * b).ToString(CultureInfo.InvariantCulture);
            if (baseline.Contains(product, StringComparison.Ordinal))
            {
                continue;
            }

            var token = listener.NewToken(string.Create(CultureInfo.InvariantCulture, $"<?php echo {a}*{b}; ?>"));
            var payload = token.Url.AbsoluteUri + suffix;
            var response = await context.SendValueAsync(payload, cancellationToken).ConfigureAwait(false);
            if (response is null || !response.BodyText.Contains(product, StringComparison.Ordinal))
            {
                continue;
            }

            // The product alone could be a coincidence or a cache; the callback proves this request's file was fetched.
            if (await listener.WaitForAnyAsync([token], listener.CallbackWait, cancellationToken).ConfigureAwait(false) is not { } callback)
            {
                continue;
            }

            var finding = FindingFactory.Create(
                Metadata, Metadata.Types[0], context.Request, context.InsertionPoint, payload,
                context.CreateEvidence(response, product + " computed; " + OutOfBandProbe.Describe(callback)));
            await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
            return;
        }
    }
}
