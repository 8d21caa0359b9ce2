using Harrier.Core.Findings;

namespace Harrier.Engine;

/// <summary>
/// An incremental scan's base: what the base scan crawled (with response hashes) and what it found. The engine crawls
/// as usual, attacks only new or changed resources, and carries over the base findings of unchanged resources.
/// </summary>
public sealed record IncrementalBase(IReadOnlyList<CrawledResource> Resources, IReadOnlyList<Finding> Findings);
