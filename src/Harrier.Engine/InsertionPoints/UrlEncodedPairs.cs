using System.Text;

namespace Harrier.Engine.InsertionPoints;

/// <summary>Parses and writes <c>application/x-www-form-urlencoded</c> pairs (query strings and form bodies), keeping order.</summary>
internal static class UrlEncodedPairs
{
    public static List<KeyValuePair<string, string>> Parse(string? text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(text))
        {
            return pairs;
        }

        foreach (var part in text.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }

        return pairs;
    }

    public static string Format(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    /// <summary>A copy of <paramref name="pairs"/> with the value at <paramref name="index"/> replaced.</summary>
    public static List<KeyValuePair<string, string>> Replace(IReadOnlyList<KeyValuePair<string, string>> pairs, int index, string value)
    {
        var copy = pairs.ToList();
        copy[index] = new(copy[index].Key, value);
        return copy;
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
