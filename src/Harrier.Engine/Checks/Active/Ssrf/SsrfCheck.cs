using System.Globalization;
using System.Security.Cryptography;
using Harrier.Engine.Checks.Active.Shared;
using Harrier.Engine.Http;
using Harrier.Engine.OutOfBand;

namespace Harrier.Engine.Checks.Active.Ssrf;

/// <summary>
/// Server-side request forgery: URL-like values are replaced by token URLs of the scan's out-of-band listener; a
/// request that reaches the listener with one of them confirms that the server fetches URLs it is given. The token
/// serves a PHP-style arithmetic snippet: when its product shows up computed, the server included and ran the file,
/// which is the remote-file-inclusion check's finding, not this one.
/// </summary>
internal sealed class SsrfCheck : IOutOfBandCheck
{
    public CheckMetadata Metadata => SsrfDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.OutOfBand is not { } listener || !OutOfBandProbe.IsUrlLike(context.InsertionPoint))
        {
            return;
        }

        var a = RandomNumberGenerator.GetInt32(10_000, 100_000);
        var b = RandomNumberGenerator.GetInt32(10_000, 100_000);
        var product = ((long)a * b).ToString(CultureInfo.InvariantCulture);
        var body = string.Create(CultureInfo.InvariantCulture, $"<?php echo {a}*{b}; ?>");
        var sent = new List<(OutOfBandToken Token, ScanHttpResponse Response)>();

        // The plain URL, then the host-relative form that some fetchers accept when they prepend a scheme.
        foreach (var shape in new Func<OutOfBandToken, string>[] { t => t.Url.AbsoluteUri, t => "//" + t.Url.Authority + t.Url.PathAndQuery })
        {
            var token = listener.NewToken(body);
            if (await context.SendValueAsync(shape(token), cancellationToken).ConfigureAwait(false) is not { } response)
            {
                continue;
            }

            sent.Add((token, response));
            if (listener.Callbacks.Any(c => c.Token == token.Token))
            {
                break; // Already confirmed: no need for the next shape.
            }
        }

        var callback = await listener.WaitForAnyAsync(sent.Select(s => s.Token), listener.CallbackWait, cancellationToken).ConfigureAwait(false);
        if (callback is null)
        {
            return;
        }

        var (confirmed, attackResponse) = sent.First(s => s.Token.Token == callback.Token);
        if (attackResponse.BodyText.Contains(product, StringComparison.Ordinal))
        {
            return; // Fetched and executed: remote file inclusion.
        }

        var finding = FindingFactory.Create(
            Metadata, Metadata.Types[0], context.Request, context.InsertionPoint, confirmed.Url.AbsoluteUri,
            OutOfBandProbe.Evidence(context, attackResponse, callback));
        await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
    }
}
