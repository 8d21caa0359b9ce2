using System.Security.Cryptography;
using System.Text;

namespace Harrier.Core.Findings;

/// <summary>Computes the identity of an issue: type, normalized URL (no query values, no fragment), method, parameter.</summary>
public static class FindingFingerprint
{
    public static string Of(string type, string url, string method, string? parameter)
    {
        var normalized = Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Path).ToLowerInvariant() + QueryNames(uri.Query)
            : url;
        var text = string.Join('\n', type, normalized, method.ToUpperInvariant(), parameter ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string QueryNames(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var names = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)[0])
            .Order(StringComparer.Ordinal);
        return "?" + string.Join('&', names);
    }
}
