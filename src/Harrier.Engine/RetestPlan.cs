using Harrier.Core.Findings;

namespace Harrier.Engine;

/// <summary>
/// A retest: the base scan's findings (with their stored evidence). The engine does not crawl; it re-runs each
/// finding's check on exactly its request and reports the findings that still reproduce, with the same fingerprint.
/// </summary>
public sealed record RetestPlan(IReadOnlyList<Finding> Findings);
