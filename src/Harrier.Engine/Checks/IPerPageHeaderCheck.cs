namespace Harrier.Engine.Checks;

/// <summary>
/// Marks cheap, error-based active checks that also attack the <c>User-Agent</c> and <c>Referer</c> headers of every URL
/// template (at low strength), not only once per site like the other checks: a page that logs or queries with a header
/// gives itself away with its first error, so a few requests per page find a hole the once-per-site attack misses.
/// </summary>
internal interface IPerPageHeaderCheck : IActiveCheck;
