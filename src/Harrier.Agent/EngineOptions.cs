using System.ComponentModel.DataAnnotations;
using Harrier.Engine;

namespace Harrier.Agent;

/// <summary>
/// Server-wide ceilings of every scan this process runs (configuration section <c>Harrier:Engine</c>). A scan policy may
/// ask for less crawling (<c>CrawlingSettings.MaximumCrawlerUrlCount</c>), never more; see <see cref="EnginePolicyFactory"/>.
/// The ranges are those <see cref="EnginePolicy.Validate"/> accepts, so a value that starts the process also starts a scan.
/// </summary>
public sealed class EngineOptions
{
    public const string Section = "Harrier:Engine";

    private static readonly EnginePolicy s_defaults = new();

    /// <summary>Bytes of a response body read at most; the rest is discarded. Default 2 MiB.</summary>
    [Range(1024, 512 * 1024 * 1024, ErrorMessage = "Harrier:Engine:MaxResponseBytes must be a whole number from {1} to {2}.")]
    public int MaxResponseBytes { get; set; } = s_defaults.MaxResponseBytes;

    /// <summary>Characters of a response kept in a finding's evidence. Default 64 K.</summary>
    [Range(256, 16 * 1024 * 1024, ErrorMessage = "Harrier:Engine:MaxEvidenceChars must be a whole number from {1} to {2}.")]
    public int MaxEvidenceChars { get; set; } = s_defaults.MaxEvidenceChars;

    /// <summary>Requests a scan's crawl sends at most (seeds, pages, forms, redirects). Default 10,000.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Harrier:Engine:MaxCrawlRequests must be a whole number from {1} to {2}.")]
    public int MaxCrawlRequests { get; set; } = s_defaults.MaxCrawlRequests;
}
