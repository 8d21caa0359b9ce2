using System.Net.Http.Headers;
using System.Text;

namespace Harrier.Engine.Http;

/// <summary>A response as the send path read it: status, headers, a body capped at the policy's size, and timing.</summary>
internal sealed class ScanHttpResponse(
    ScanHttpRequest request,
    int statusCode,
    string? reasonPhrase,
    string httpVersion,
    IReadOnlyList<KeyValuePair<string, string>> headers,
    byte[] body,
    bool isTruncated,
    TimeSpan elapsed)
{
    private string? _bodyText;

    public ScanHttpRequest Request { get; } = request;

    public int StatusCode { get; } = statusCode;

    public string? ReasonPhrase { get; } = reasonPhrase;

    public string HttpVersion { get; } = httpVersion;

    /// <summary>Response and content headers in the order received.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;

    public byte[] Body { get; } = body;

    public bool IsTruncated { get; } = isTruncated;

    public TimeSpan Elapsed { get; } = elapsed;

    /// <summary>The headers the send path actually sent (User-Agent, cookies, credentials included), for evidence.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SentHeaders { get; init; } = [];

    public string? ContentType => GetHeader("Content-Type");

    /// <summary>True when the content type says HTML, or there is none and the body looks like markup.</summary>
    public bool IsHtml
    {
        get
        {
            var contentType = ContentType;
            if (contentType is null)
            {
                return BodyText.TrimStart().StartsWith('<');
            }

            return contentType.Contains("html", StringComparison.OrdinalIgnoreCase);
        }
    }

    public bool IsRedirect => StatusCode is >= 300 and < 400 && GetHeader("Location") is not null;

    /// <summary>The body decoded with the declared charset; unknown or invalid charsets fall back to UTF-8.</summary>
    public string BodyText => _bodyText ??= Decode(Body, ContentType);

    public string? GetHeader(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public IEnumerable<string> GetHeaders(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    private static string Decode(byte[] body, string? contentType)
    {
        var encoding = Encoding.UTF8;
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.CharSet is { Length: > 0 } charSet)
        {
            try
            {
                encoding = Encoding.GetEncoding(charSet.Trim('"', '\''));
            }
            catch (ArgumentException)
            {
                encoding = Encoding.UTF8;
            }
        }

        return encoding.GetString(body);
    }
}
