using System.Globalization;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Passive.Cookies;

/// <summary>One <c>Set-Cookie</c> header: the cookie's name and its attributes, names matched case-insensitively.</summary>
internal sealed class SetCookieHeader
{
    private readonly Dictionary<string, string> _attributes = new(StringComparer.OrdinalIgnoreCase);

    private SetCookieHeader(string name, string value, string raw)
    {
        Name = name;
        Value = value;
        Raw = raw;
    }

    public string Name { get; }

    public string Value { get; }

    public string Raw { get; }

    public bool Has(string attribute) => _attributes.ContainsKey(attribute);

    public string? Get(string attribute) => _attributes.TryGetValue(attribute, out var value) ? value : null;

    /// <summary>True when the header deletes the cookie (empty value, <c>Max-Age</c> ≤ 0, or an expiry before 2001): nothing to protect.</summary>
    public bool IsDeletion
    {
        get
        {
            if (Value.Length == 0)
            {
                return true;
            }

            if (Get("Max-Age") is { } maxAge && long.TryParse(maxAge, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && seconds <= 0)
            {
                return true;
            }

            return Get("Expires") is { } expires
                && DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                && when.Year < 2001;
        }
    }

    public static SetCookieHeader? Parse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        var eq = parts[0].IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return null;
        }

        var cookie = new SetCookieHeader(parts[0][..eq].Trim(), parts[0][(eq + 1)..].Trim().Trim('"'), header);
        foreach (var part in parts.Skip(1))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var split = part.IndexOf('=', StringComparison.Ordinal);
            var name = (split < 0 ? part : part[..split]).Trim();
            cookie._attributes.TryAdd(name, split < 0 ? "" : part[(split + 1)..].Trim());
        }

        return cookie;
    }

    /// <summary>The live (non-deleting) cookies a response sets.</summary>
    public static IEnumerable<SetCookieHeader> LiveCookies(ScanHttpResponse response) =>
        response.GetHeaders("Set-Cookie").Select(Parse).OfType<SetCookieHeader>().Where(c => !c.IsDeletion);
}
