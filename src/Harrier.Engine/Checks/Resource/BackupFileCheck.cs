using Harrier.Engine.Checks.Passive.Disclosure;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Resource;

/// <summary>
/// Probes for backup copies of every crawled file with an extension (<c>name.bak</c>, <c>name~</c>, <c>name.old</c>, <c>.name.swp</c>,
/// <c>name.orig</c>) and for archives of every crawled folder (<c>folder.zip</c>, <c>folder.tar.gz</c> beside it).
/// A copy counts when it shows server-side source code the page itself does not show, or is the page's own content;
/// an archive when it has zip or gzip magic bytes. Every hit must differ from the folder's answer for a random name.
/// </summary>
internal sealed class BackupFileCheck : IResourceCheck
{
    private static readonly string[] s_copies = ["{0}.bak", "{0}~", "{0}.old", ".{0}.swp", "{0}.orig"];
    private static readonly (string Suffix, string Signature)[] s_archives = [(".zip", "zip"), (".tar.gz", "gzip")];

    public CheckMetadata Metadata => BackupFileDefinition.Metadata;

    /// <summary>A copy is found from its original (<c>config.php</c> for <c>config.php.bak</c>), an archive from inside its folder.</summary>
    public IEnumerable<Uri> PagesProbing(Uri found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var name = ProbePaths.FileName(found) ?? "";
        foreach (var copy in s_copies)
        {
            var (prefix, suffix) = (copy[..copy.IndexOf("{0}", StringComparison.Ordinal)], copy[(copy.IndexOf("{0}", StringComparison.Ordinal) + 3)..]);
            if (name.Length > prefix.Length + suffix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                yield return new Uri(found, Uri.EscapeDataString(name[prefix.Length..^suffix.Length]));
            }
        }

        foreach (var (suffix, _) in s_archives)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                yield return new Uri(found, Uri.EscapeDataString(name[..^suffix.Length]) + "/");
            }
        }
    }

    public async Task RunAsync(ResourceCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = context.Request.Url;
        // Only names with an extension are files an editor or admin would copy; /item/42 is a route, not a file.
        if (ProbePaths.FileName(page) is { } name && name.Contains('.', StringComparison.Ordinal) && context.Response.StatusCode is >= 200 and < 300
            && context.RemainingBudget > s_copies.Length
            && context.TryClaimOnce(Metadata.Id + " file " + page.GetLeftPart(UriPartial.Path)))
        {
            await ProbeCopiesAsync(context, name, cancellationToken).ConfigureAwait(false);
        }

        foreach (var folder in ProbePaths.Folders(page).Skip(1))
        {
            if (context.RemainingBudget <= s_archives.Length)
            {
                return;
            }

            if (context.TryClaimOnce(Metadata.Id + " folder " + folder.AbsoluteUri))
            {
                await ProbeArchivesAsync(context, folder, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ProbeCopiesAsync(ResourceCheckContext context, string name, CancellationToken cancellationToken)
    {
        var page = context.Request.Url;
        var original = context.Response;
        var baseline = await context.SendAsync(ScanHttpRequest.Get(new Uri(page, ProbePaths.RandomName("-" + name + ".bak"))), cancellationToken).ConfigureAwait(false);
        if (baseline is null)
        {
            return;
        }

        var originalCode = ServerSideCode.Find(original.BodyText);
        var baselineCode = baseline.StatusCode == 200 ? ServerSideCode.Find(baseline.BodyText) : null;
        foreach (var copy in s_copies)
        {
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, copy, name);
            var response = await context.SendAsync(ScanHttpRequest.Get(new Uri(page, path)), cancellationToken).ConfigureAwait(false);
            if (response is null || response.StatusCode != 200 || response.Body.Length == 0
                || (baseline.StatusCode == 200 && baseline.Body.AsSpan().SequenceEqual(response.Body)))
            {
                continue;
            }

            string? type = null;
            string? proof = null;
            if (originalCode is null && baselineCode is null && ServerSideCode.Find(response.BodyText) is { } code)
            {
                (type, proof) = ("BackupSourceCodeFound", code.Code);
            }
            else if (original.Body.Length > 0 && original.Body.AsSpan().SequenceEqual(response.Body))
            {
                (type, proof) = ("BackupFileFound", "A copy of " + page.AbsoluteUri);
            }

            if (type is not null)
            {
                await ReportAsync(context, type, response, proof, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ProbeArchivesAsync(ResourceCheckContext context, Uri folder, CancellationToken cancellationToken)
    {
        var parent = new Uri(folder, "..");
        var name = folder.Segments[^1].TrimEnd('/');
        var baseline = await context.SendAsync(ScanHttpRequest.Get(new Uri(parent, ProbePaths.RandomName(".zip"))), cancellationToken).ConfigureAwait(false);
        if (baseline is null)
        {
            return;
        }

        foreach (var (suffix, signature) in s_archives)
        {
            var response = await context.SendAsync(ScanHttpRequest.Get(new Uri(parent, name + suffix)), cancellationToken).ConfigureAwait(false);
            if (response is not null && FileSignatures.IsHit(response, baseline, signature))
            {
                await ReportAsync(context, "BackupFileFound", response, "An archive named after the folder " + folder.AbsolutePath, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private ValueTask ReportAsync(ResourceCheckContext context, string type, ScanHttpResponse response, string? proof, CancellationToken cancellationToken) =>
        context.ReportAsync(
            FindingFactory.Create(Metadata, Metadata.Type(type), response.Request with { IsAttack = false }, point: null, payload: null, context.CreateEvidence(response, proof)),
            cancellationToken);
}
