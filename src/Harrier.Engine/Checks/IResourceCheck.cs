namespace Harrier.Engine.Checks;

/// <summary>
/// Probes around one crawled resource instead of an insertion point: files beside it, its folders, the methods it
/// accepts. Runs once per crawled page; work shared by several pages (a folder, a site) is claimed once per scan
/// through <see cref="ResourceCheckContext.TryClaimOnce"/>.
/// </summary>
internal interface IResourceCheck : ICheck
{
    Task RunAsync(ResourceCheckContext context, CancellationToken cancellationToken);
}
