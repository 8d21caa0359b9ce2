using Microsoft.Extensions.Logging;

namespace Harrier.Engine.Crawling;

internal static partial class CrawlLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Processing crawled page {Url} failed; the crawl goes on")]
    public static partial void PageFailed(ILogger logger, Uri url, Exception exception);
}
