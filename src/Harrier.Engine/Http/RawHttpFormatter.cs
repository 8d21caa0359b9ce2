using System.Text;

namespace Harrier.Engine.Http;

/// <summary>Renders a request and its response as raw HTTP text for finding evidence. Credentials are redacted, the response is capped.</summary>
internal static class RawHttpFormatter
{
    private const string TruncatedMarker = "\r\n[truncated by Harrier]";

    private static readonly HashSet<string> s_redacted = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Proxy-Authorization" };

    public static string FormatRequest(ScanHttpRequest request, IEnumerable<KeyValuePair<string, string>> sentHeaders, IReadOnlySet<string> secretHeaderNames)
    {
        ArgumentNullException.ThrowIfNull(request);
        var builder = new StringBuilder();
        builder.Append(request.Method).Append(' ').Append(request.Url.PathAndQuery).Append(" HTTP/1.1\r\n");
        builder.Append("Host: ").Append(request.Url.Authority).Append("\r\n");
        foreach (var (name, value) in sentHeaders)
        {
            var shown = s_redacted.Contains(name) || secretHeaderNames.Contains(name) ? "[redacted]" : value;
            builder.Append(name).Append(": ").Append(shown).Append("\r\n");
        }

        builder.Append("\r\n");
        if (request.Body is not null)
        {
            builder.Append(request.Body);
        }

        return builder.ToString();
    }

    public static string FormatResponse(ScanHttpResponse response, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(response);
        var builder = new StringBuilder();
        builder.Append("HTTP/").Append(response.HttpVersion).Append(' ').Append(response.StatusCode);
        if (!string.IsNullOrEmpty(response.ReasonPhrase))
        {
            builder.Append(' ').Append(response.ReasonPhrase);
        }

        builder.Append("\r\n");
        foreach (var (name, value) in response.Headers)
        {
            builder.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        builder.Append("\r\n");
        // One character more than fits is enough to tell that the response must be cut, without copying a large body.
        var body = response.BodyText;
        builder.Append(body.AsSpan(0, Math.Min(body.Length, Math.Max(0, maxChars - builder.Length + 1))));
        builder.Replace("\0", "\\0");
        if (builder.Length > maxChars || response.IsTruncated)
        {
            // The marker counts against the cap: the evidence is never longer than maxChars.
            var keep = Math.Max(0, Math.Min(builder.Length, maxChars - TruncatedMarker.Length));
            if (keep > 0 && char.IsHighSurrogate(builder[keep - 1]))
            {
                keep--;
            }

            builder.Length = keep;
            builder.Append(TruncatedMarker);
        }

        return builder.ToString();
    }
}
