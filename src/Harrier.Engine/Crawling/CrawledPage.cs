using Harrier.Engine.Http;

namespace Harrier.Engine.Crawling;

/// <summary>A request the crawler sent and the response it got.</summary>
internal sealed record CrawledPage(ScanHttpRequest Request, ScanHttpResponse Response);
