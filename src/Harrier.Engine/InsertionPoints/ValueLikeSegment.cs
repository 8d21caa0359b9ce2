namespace Harrier.Engine.InsertionPoints;

/// <summary>Recognises path segments that carry a value rather than a name: numbers, GUIDs, hex ids, slugs ending in a number.</summary>
internal static class ValueLikeSegment
{
    public static bool Matches(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.Length == 0)
        {
            return false;
        }

        if (segment.All(char.IsAsciiDigit) || Guid.TryParse(segment, out _))
        {
            return true;
        }

        if (segment.Length >= 8 && segment.All(char.IsAsciiHexDigit) && segment.Any(char.IsAsciiDigit))
        {
            return true;
        }

        // Slugs ending in a number of two digits or more: "item-123", "post_42", "p1234".
        var trailingDigits = segment.Length - segment.TrimEnd("0123456789".ToCharArray()).Length;
        return trailingDigits >= 2 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    /// <summary>
    /// True when a word-like segment without extension (3+ letters, digits, <c>-</c> or <c>_</c>)
    /// appears as a whole word, same case, in <paramref name="pageText"/>: the page echoes it, so it is input.
    /// </summary>
    public static bool IsShownIn(string segment, string? pageText)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (pageText is null || segment.Length < 3 || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        for (var at = pageText.IndexOf(segment, StringComparison.Ordinal); at >= 0; at = pageText.IndexOf(segment, at + 1, StringComparison.Ordinal))
        {
            var end = at + segment.Length;
            if ((at == 0 || !IsWordChar(pageText[at - 1])) && (end == pageText.Length || !IsWordChar(pageText[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The segment without its extension ("42.html" gives "42").</summary>
    public static string Stem(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var dot = segment.LastIndexOf('.');
        return dot > 0 ? segment[..dot] : segment;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';
}
