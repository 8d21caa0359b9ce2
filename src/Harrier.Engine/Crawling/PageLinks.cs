using Harrier.Engine.Http;

namespace Harrier.Engine.Crawling;

/// <summary>What a page points to: plain links (GET) and submittable forms.</summary>
internal sealed record PageLinks(IReadOnlyList<Uri> Links, IReadOnlyList<ScanHttpRequest> Forms)
{
    public static PageLinks Empty { get; } = new([], []);
}
