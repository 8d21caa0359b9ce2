using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Harrier.Engine.Http;

namespace Harrier.Engine.Scanning;

/// <summary>
/// The hash an incremental scan compares with the base scan's to decide whether a resource changed: the status code,
/// the redirect target and the body. In text bodies, parts that change on every response without the resource
/// changing are masked first: values of hidden form fields (anti-forgery tokens), <c>nonce</c> attributes, and
/// whitespace runs. Headers are not hashed (dates, cookies and cache headers change on every response).
/// </summary>
internal static partial class ResponseHash
{
    public static string Of(ScanHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var head = response.StatusCode + "\n" + (response.IsRedirect ? response.GetHeader("Location") : "") + "\n";
        var body = IsText(response.ContentType) ? Encoding.UTF8.GetBytes(Normalize(response.BodyText)) : response.Body;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(head));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal static string Normalize(string text)
    {
        var masked = HiddenInputValue().Replace(text, "$1\"\"");
        masked = NonceAttribute().Replace(masked, "nonce=\"\"");
        return Whitespace().Replace(masked, " ").Trim();
    }

    private static bool IsText(string? contentType) =>
        contentType is null
        || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("""(<input\b[^>]*\btype\s*=\s*["']?hidden\b[^>]*?\bvalue\s*=\s*)("[^"]*"|'[^']*'|[^\s>]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HiddenInputValue();

    [GeneratedRegex("""\bnonce\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NonceAttribute();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
