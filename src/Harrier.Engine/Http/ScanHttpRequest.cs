namespace Harrier.Engine.Http;

/// <summary>
/// A request the engine wants sent: immutable, so insertion points derive attacked copies with <c>with</c>.
/// Cookies from the scan's jar, the User-Agent and target credentials are added by the send path, not here;
/// a <c>Cookie</c> header set here overrides jar cookies of the same name.
/// </summary>
internal sealed record ScanHttpRequest(string Method, Uri Url)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public string? Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>True for requests an active check sent with an attacked value; passive checks use it to judge only normal traffic where that matters.</summary>
    public bool IsAttack { get; init; }

    public static ScanHttpRequest Get(Uri url) => new("GET", url);

    public static ScanHttpRequest FormPost(Uri url, string body) =>
        new("POST", url) { Body = body, ContentType = "application/x-www-form-urlencoded" };

    public string? GetHeader(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>A copy with header <paramref name="name"/> set to <paramref name="value"/> (replacing any previous value).</summary>
    public ScanHttpRequest WithHeader(string name, string value) => this with
    {
        Headers = [.. Headers.Where(h => !string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)), new(name, value)],
    };
}
