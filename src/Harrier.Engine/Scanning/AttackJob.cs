using Harrier.Engine.Checks;
using Harrier.Engine.Crawling;
using Harrier.Engine.InsertionPoints;

namespace Harrier.Engine.Scanning;

/// <summary>One active check on one insertion point of one crawled page; <paramref name="StrengthCap"/> lowers the scan's attack strength for this job.</summary>
internal sealed record AttackJob(CrawledPage Page, InsertionPoint Point, IActiveCheck Check, AttackStrength? StrengthCap = null);
