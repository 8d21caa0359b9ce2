using System.Net;
using System.Text;

namespace Harrier.TestTargets.Infrastructure;

/// <summary>Small helpers that write HTML and text responses without per-request buffers.</summary>
internal static class Html
{
    public const string HtmlContentType = "text/html; charset=utf-8";
    public const string TextContentType = "text/plain; charset=utf-8";

    /// <summary>Encodes <c>&lt; &gt; &amp; " '</c>: safe in HTML text and in quoted attributes.</summary>
    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    /// <summary>Wraps a body in a minimal HTML document.</summary>
    public static string Page(string title, string body, string head = "") =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">{head}<title>{title}</title></head>\n" +
        $"<body>\n<p><a href=\"/\">Home</a></p>\n<h1>{title}</h1>\n{body}\n</body></html>\n";

    public static byte[] PageBytes(string title, string body, string head = "") => Encoding.UTF8.GetBytes(Page(title, body, head));

    public static Task WriteAsync(HttpContext context, string html, int statusCode = StatusCodes.Status200OK) =>
        WriteStringAsync(context, html, HtmlContentType, statusCode);

    public static Task WritePageAsync(HttpContext context, string title, string body, int statusCode = StatusCodes.Status200OK) =>
        WriteStringAsync(context, Page(title, body), HtmlContentType, statusCode);

    public static Task WriteTextAsync(HttpContext context, string text, int statusCode = StatusCodes.Status200OK) =>
        WriteStringAsync(context, text, TextContentType, statusCode);

    public static Task WriteStringAsync(HttpContext context, string content, string contentType, int statusCode)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = Encoding.UTF8.GetByteCount(content);
        return response.WriteAsync(content, context.RequestAborted);
    }

    public static Task WriteBytesAsync(HttpContext context, byte[] content, string contentType = HtmlContentType)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        return response.Body.WriteAsync(content, context.RequestAborted).AsTask();
    }

    /// <summary>A 302 (or other 3xx) with a short body, the way most frameworks answer.</summary>
    public static Task RedirectAsync(HttpContext context, string location, int statusCode = StatusCodes.Status302Found)
    {
        context.Response.Headers.Location = ToHeaderValue(location);
        return WriteStringAsync(context, "Redirecting.", TextContentType, statusCode);
    }

    public static Task NotFoundAsync(HttpContext context) =>
        WriteStringAsync(context, "Not found.", TextContentType, StatusCodes.Status404NotFound);

    /// <summary>Percent-encodes what may not appear in a header value (controls, non-ASCII), as frameworks do for Location.</summary>
    public static string ToHeaderValue(string value)
    {
        if (!value.AsSpan().ContainsAnyExceptInRange((char)0x20, (char)0x7E))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is >= 0x20 and <= 0x7E)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(bytes);
            for (var i = 0; i < count; i++)
            {
                builder.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
