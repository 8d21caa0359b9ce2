using System.Net;
using System.Text.RegularExpressions;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Active.Shared;

/// <summary>
/// Compares two responses for boolean-based detection: same status and nearly the same words once the values sent
/// (and their HTML-encoded forms) are removed, so a reflected payload does not make pages differ.
/// </summary>
internal static partial class ResponseSimilarity
{
    /// <summary>At or above: the same page. Below <see cref="Different"/>: a different page. Between: unclear, no verdict.</summary>
    public const double Same = 0.98;

    public const double Different = 0.90;

    public static double Compare(ScanHttpResponse a, ScanHttpResponse b, params string[] sentValues)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.StatusCode != b.StatusCode)
        {
            return 0;
        }

        var left = Words(Strip(a.BodyText, sentValues));
        var right = Words(Strip(b.BodyText, sentValues));
        if (left.Count == 0 && right.Count == 0)
        {
            return 1;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in left)
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        var common = 0;
        foreach (var word in right)
        {
            if (counts.GetValueOrDefault(word) > 0)
            {
                counts[word]--;
                common++;
            }
        }

        return 2.0 * common / (left.Count + right.Count);
    }

    private static string Strip(string body, string[] values)
    {
        foreach (var value in values.Where(v => v.Length > 0).OrderByDescending(v => v.Length))
        {
            body = body.Replace(value, " ", StringComparison.Ordinal)
                .Replace(WebUtility.HtmlEncode(value), " ", StringComparison.Ordinal)
                .Replace(Uri.EscapeDataString(value), " ", StringComparison.Ordinal);
        }

        return body;
    }

    private static List<string> Words(string text) => [.. Word().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"[\p{L}\p{N}_]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
