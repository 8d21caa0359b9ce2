namespace Harrier.Reports.Formatting;

/// <summary>Cuts a long raw response down to the part that proves a finding.</summary>
internal static class Excerpt
{
    public const int DefaultLength = 6000;

    /// <summary>
    /// The whole text when short; otherwise the headers plus a window around the first occurrence of <paramref name="proof"/>
    /// (or the start of the body), with "…" markers where text was cut.
    /// </summary>
    public static string Of(string text, string? proof, int maxLength = DefaultLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            headerEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        }

        var head = headerEnd > 0 && headerEnd < maxLength / 2 ? text[..(headerEnd + 2)] : "";
        var budget = maxLength - head.Length;
        var at = string.IsNullOrEmpty(proof) ? -1 : text.IndexOf(proof, head.Length, StringComparison.Ordinal);
        var start = at < 0 ? head.Length : Math.Max(head.Length, at - (budget / 2));
        var length = Math.Min(budget, text.Length - start);
        var middle = text.Substring(start, length);
        var prefix = start > head.Length ? "…\n" : "";
        var suffix = start + length < text.Length ? "\n… (" + (text.Length - start - length) + " more characters)" : "";
        return head + prefix + middle + suffix;
    }
}
