namespace Harrier.Engine.Crawling;

/// <summary>How far the crawler goes: following new links or only seeds, its request budget and worker count.</summary>
internal sealed record CrawlerOptions(bool FindAndFollowNewLinks, int MaxRequests, int Workers);
