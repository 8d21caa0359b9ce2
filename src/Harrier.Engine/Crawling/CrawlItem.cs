using Harrier.Engine.Http;

namespace Harrier.Engine.Crawling;

/// <summary>A queued crawl request; <see cref="Prefetched"/> is set for the target URL, already fetched by the reachability check.</summary>
internal sealed record CrawlItem(ScanHttpRequest Request, bool IsSeed, ScanHttpResponse? Prefetched = null);
