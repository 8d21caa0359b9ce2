namespace Harrier.Engine.Checks;

/// <summary>
/// Probes around one crawled resource instead of an insertion point: files beside it, its folders, the methods it
/// accepts. Runs once per crawled page; work shared by several pages (a folder, a site) is claimed once per scan
/// through <see cref="ResourceCheckContext.TryClaimOnce"/>.
/// </summary>
internal interface IResourceCheck : ICheck
{
    Task RunAsync(ResourceCheckContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Pages whose probing would find <paramref name="found"/> again, for a retest to re-run the check from. Default: the
    /// folder it lies in (probes look at every folder above a page).
    /// </summary>
    IEnumerable<Uri> PagesProbing(Uri found) => [new Uri(found, ".")];
}
