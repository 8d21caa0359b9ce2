using Harrier.Engine.Checks;
using Harrier.Engine.Crawling;
using Harrier.Engine.InsertionPoints;

namespace Harrier.Engine.Scanning;

/// <summary>
/// One active check on one insertion point of one crawled page, or one resource check (no insertion point) on the page.
/// <paramref name="Budget"/> lowers the request budget of the attack strength for this job.
/// </summary>
internal sealed record AttackJob(CrawledPage Page, InsertionPoint? Point, ICheck Check, int? Budget = null);
