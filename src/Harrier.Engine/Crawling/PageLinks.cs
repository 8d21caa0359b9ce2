using Harrier.Engine.Http;

namespace Harrier.Engine.Crawling;

/// <summary>What a page points to: plain links (GET), submittable forms, and the API calls its inline scripts make.</summary>
internal sealed record PageLinks(IReadOnlyList<Uri> Links, IReadOnlyList<ScanHttpRequest> Forms, IReadOnlyList<ScanHttpRequest> ScriptCalls)
{
    public static PageLinks Empty { get; } = new([], [], []);
}
