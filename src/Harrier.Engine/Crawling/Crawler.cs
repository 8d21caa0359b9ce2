using System.Collections.Concurrent;
using System.Threading.Channels;
using Harrier.Engine.Http;
using Microsoft.Extensions.Logging;

namespace Harrier.Engine.Crawling;

/// <summary>
/// Breadth-first crawl through the send path. Requests are deduplicated by <see cref="RequestSignature"/>, URL-rewritten
/// families are bounded by <see cref="DynamicSignatureLimiter"/>, and out-of-scope, excluded or disallowed requests are
/// dropped before they are queued. Redirects are followed by queuing their <c>Location</c>; robots.txt and sitemaps
/// are read as seed lists. Each response is handed to <see cref="PageCrawled"/>.
/// </summary>
internal sealed class Crawler(ScanHttpClient client, CrawlerOptions options, DynamicSignatureLimiter limiter, ILogger logger)
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly Channel<CrawlItem> _queue = Channel.CreateUnbounded<CrawlItem>();
    private int _pending;
    private int _admitted;
    private int _crawled;

    public Func<CrawledPage, CancellationToken, ValueTask>? PageCrawled { get; set; }

    /// <summary>Requests queued or in progress.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public int Crawled => Volatile.Read(ref _crawled);

    public async Task RunAsync(IEnumerable<CrawlItem> seeds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        Interlocked.Increment(ref _pending); // Held while seeding so the queue cannot complete early.
        foreach (var seed in seeds)
        {
            TryEnqueue(seed);
        }

        Release();
        var workers = Enumerable.Range(0, Math.Max(1, options.Workers)).Select(_ => WorkAsync(cancellationToken));
        await Task.WhenAll(workers).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Queues a request unless it is out of bounds, already seen, or over a budget.</summary>
    public bool TryEnqueue(CrawlItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (client.Rules.Check(item.Request) != SendError.None
            || !_seen.TryAdd(RequestSignature.Of(item.Request), 0)
            || !limiter.TryAdmit(item.Request.Url)
            || Interlocked.Increment(ref _admitted) > options.MaxRequests)
        {
            return false;
        }

        Interlocked.Increment(ref _pending);
        return _queue.Writer.TryWrite(item) || Release();
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await ProcessAsync(item, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
            {
                CrawlLog.PageFailed(logger, item.Request.Url, exception);
            }
            finally
            {
                Release();
            }
        }
    }

    private async Task ProcessAsync(CrawlItem item, CancellationToken cancellationToken)
    {
        var response = item.Prefetched ?? (await client.SendAsync(item.Request, cancellationToken).ConfigureAwait(false)).Response;
        if (response is null)
        {
            return;
        }

        Interlocked.Increment(ref _crawled);
        var page = new CrawledPage(item.Request, response);
        if (PageCrawled is { } pageCrawled)
        {
            await pageCrawled(page, cancellationToken).ConfigureAwait(false);
        }

        Discover(item, response);
    }

    private void Discover(CrawlItem item, ScanHttpResponse response)
    {
        var url = item.Request.Url;
        if (response.IsRedirect)
        {
            // Following a redirect is not following a new link: the Location is where this resource lives.
            if (HtmlLinkExtractor.Resolve(url, response.GetHeader("Location")) is { } location)
            {
                TryEnqueue(new CrawlItem(ScanHttpRequest.Get(location), item.IsSeed));
            }

            return;
        }

        if (response.StatusCode >= 400)
        {
            return;
        }

        if (RobotsTxtParser.IsRobots(url))
        {
            EnqueueAll(RobotsTxtParser.Parse(url, response.BodyText), isSeed: true);
        }
        else if (url.AbsolutePath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && SitemapParser.LooksLikeSitemap(response.BodyText))
        {
            EnqueueAll(SitemapParser.Parse(url, response.BodyText), isSeed: true);
        }
        else if (options.FindAndFollowNewLinks && response.IsHtml)
        {
            var links = HtmlLinkExtractor.Extract(url, response.BodyText);
            EnqueueAll(links.Links, isSeed: false);
            foreach (var request in links.Forms.Concat(links.ScriptCalls))
            {
                TryEnqueue(new CrawlItem(request, IsSeed: false));
            }
        }
        else if (options.FindAndFollowNewLinks && IsJavaScript(response))
        {
            // A front end's API calls, resolved against the script's URL (root-relative URLs, the usual case, resolve the same from the page).
            foreach (var request in ScriptApiCallExtractor.Extract(url, response.BodyText))
            {
                TryEnqueue(new CrawlItem(request, IsSeed: false));
            }
        }
    }

    private static bool IsJavaScript(ScanHttpResponse response) =>
        response.ContentType?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true
        || response.Request.Url.AbsolutePath.EndsWith(".js", StringComparison.OrdinalIgnoreCase);

    private void EnqueueAll(IEnumerable<Uri> urls, bool isSeed)
    {
        foreach (var url in urls)
        {
            TryEnqueue(new CrawlItem(ScanHttpRequest.Get(url), isSeed));
        }
    }

    private bool Release()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _queue.Writer.TryComplete();
        }

        return false;
    }
}
