using System.Text;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Resource;

/// <summary>
/// Once per crawled folder (the page's own): TRACE, then TRACK, with a marker header, enabled when the response echoes
/// the request with the marker (reported once per site); then OPTIONS: a <c>DAV</c> header means WebDAV, and when PUT
/// is advertised a random file is PUT, read back with GET and deleted again. Every request goes through the send path,
/// so a method in the scan's <c>DisallowedHttpMethods</c> is never sent.
/// </summary>
internal sealed class HttpMethodsCheck : IResourceCheck
{
    private const string MarkerHeader = "X-Harrier-Trace";

    public CheckMetadata Metadata => HttpMethodsDefinition.Metadata;

    public async Task RunAsync(ResourceCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folder = ProbePaths.Folders(context.Request.Url)[^1];
        if (context.TryClaimOnce(Metadata.Id + " folder " + folder.AbsoluteUri))
        {
            await ProbeTraceAsync(context, folder, cancellationToken).ConfigureAwait(false);
            await ProbeFolderAsync(context, folder, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ProbeTraceAsync(ResourceCheckContext context, Uri folder, CancellationToken cancellationToken)
    {
        foreach (var method in (string[])["TRACE", "TRACK"])
        {
            var marker = ActiveCheckContext.NewToken();
            var probe = new ScanHttpRequest(method, folder).WithHeader(MarkerHeader, marker);
            var response = await context.SendAsync(probe, cancellationToken).ConfigureAwait(false);
            if (response is { StatusCode: 200 }
                && response.BodyText.StartsWith(method + " ", StringComparison.Ordinal)
                && response.BodyText.Contains(marker, StringComparison.Ordinal))
            {
                // A server-wide setting: one finding per site, at the first folder that showed it.
                if (!context.TryClaimOnce(Metadata.Id + " trace found " + folder.GetLeftPart(UriPartial.Authority)))
                {
                    return;
                }

                await ReportAsync(context, "TraceTrackIdentified", response, method + " echoed the request with " + MarkerHeader + ": " + marker, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task ProbeFolderAsync(ResourceCheckContext context, Uri folder, CancellationToken cancellationToken)
    {
        var options = await context.SendAsync(new ScanHttpRequest("OPTIONS", folder), cancellationToken).ConfigureAwait(false);
        if (options is null || options.StatusCode is < 200 or >= 300)
        {
            return;
        }

        var allowed = Methods(options);
        var dav = options.GetHeader("DAV");
        if (dav is not null && (allowed.Contains("PROPFIND") || dav.Contains('1', StringComparison.Ordinal)))
        {
            await ReportAsync(context, "WebDavEnabled", options, "DAV: " + dav, cancellationToken).ConfigureAwait(false);
        }

        if (allowed.Contains("PUT") && context.RemainingBudget >= 3)
        {
            await ProbePutAsync(context, folder, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>PUT a random file, read it back, delete it: a write only counts when the content comes back.</summary>
    private async Task ProbePutAsync(ResourceCheckContext context, Uri folder, CancellationToken cancellationToken)
    {
        var file = new Uri(folder, ProbePaths.RandomName(".txt"));
        var content = "harrier write test " + ActiveCheckContext.NewToken();
        var put = await context.SendAsync(new ScanHttpRequest("PUT", file) { Body = content, ContentType = "text/plain" }, cancellationToken).ConfigureAwait(false);
        if (put is null || put.StatusCode is < 200 or >= 300)
        {
            return;
        }

        var read = await context.SendAsync(ScanHttpRequest.Get(file), cancellationToken).ConfigureAwait(false);
        if (read is { StatusCode: 200 } && Encoding.UTF8.GetString(read.Body).Trim() == content)
        {
            var deleted = await context.SendAsync(new ScanHttpRequest("DELETE", file), cancellationToken).ConfigureAwait(false);
            var proof = "PUT " + file.AbsoluteUri + " stored the request body" + (deleted is { StatusCode: >= 200 and < 300 } ? "; the file was deleted again." : "; the file could not be deleted, remove it.");
            await ReportAsync(context, "WebDavDirectoryHasWritePermissions", put, proof, cancellationToken).ConfigureAwait(false);
        }
    }

    private static HashSet<string> Methods(ScanHttpResponse response) =>
        [.. response.GetHeaders("Allow").Concat(response.GetHeaders("Public"))
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(m => m.ToUpperInvariant())];

    private ValueTask ReportAsync(ResourceCheckContext context, string type, ScanHttpResponse response, string proof, CancellationToken cancellationToken) =>
        context.ReportAsync(
            FindingFactory.Create(Metadata, Metadata.Type(type), response.Request with { IsAttack = false }, point: null, payload: null, context.CreateEvidence(response, proof)),
            cancellationToken);
}
