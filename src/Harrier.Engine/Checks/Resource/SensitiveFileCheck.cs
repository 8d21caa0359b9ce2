using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Resource;

/// <summary>
/// Probes every crawled folder, once per scan, for files that should never be served: Git and Subversion metadata,
/// dotenv files, <c>.DS_Store</c>, logs (<c>Payloads/sensitive-files.txt</c>). A hit needs the file's content
/// signature and must differ from what the folder answers for a random name (soft-404).
/// </summary>
internal sealed class SensitiveFileCheck : IResourceCheck
{
    private static readonly IReadOnlyList<(string Type, string Path, string Signature)> s_files =
    [
        .. PayloadFile.ReadLines("sensitive-files.txt").Select(line => line.Split('\t')).Select(p => (p[0], p[1], p[2])),
    ];

    /// <summary>Requests one folder costs: the baseline plus every probe.</summary>
    public static int RequestsPerFolder => s_files.Count + 1;

    public CheckMetadata Metadata => SensitiveFileDefinition.Metadata;

    public async Task RunAsync(ResourceCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var folder in ProbePaths.Folders(context.Request.Url))
        {
            // Leave a folder unclaimed when the budget cannot cover it: a later page below it will probe it.
            if (context.RemainingBudget < RequestsPerFolder)
            {
                return;
            }

            if (context.TryClaimOnce(Metadata.Id + " " + folder.AbsoluteUri))
            {
                await ProbeFolderAsync(context, folder, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ProbeFolderAsync(ResourceCheckContext context, Uri folder, CancellationToken cancellationToken)
    {
        var baseline = await context.SendAsync(ScanHttpRequest.Get(new Uri(folder, ProbePaths.RandomName(string.Empty))), cancellationToken).ConfigureAwait(false);
        if (baseline is null)
        {
            return; // Out of scope, excluded or unreachable: nothing to compare with.
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (type, path, signature) in s_files)
        {
            if (found.Contains(type))
            {
                continue;
            }

            var response = await context.SendAsync(ScanHttpRequest.Get(new Uri(folder, path)), cancellationToken).ConfigureAwait(false);
            if (response is null || !FileSignatures.IsHit(response, baseline, signature))
            {
                continue;
            }

            found.Add(type);
            var request = response.Request with { IsAttack = false };
            await context.ReportAsync(
                FindingFactory.Create(Metadata, Metadata.Type(type), request, point: null, payload: null, context.CreateEvidence(response, path)),
                cancellationToken).ConfigureAwait(false);
        }
    }
}
