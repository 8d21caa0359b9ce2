using System.Net;

namespace Harrier.Engine.Http;

/// <summary>
/// The scan's cookies: seeded from the configuration's <c>Cookies</c> for every in-scope site and updated from
/// every <c>Set-Cookie</c>. One jar per scan; scans never share cookies.
/// </summary>
internal sealed class CookieJar
{
    private readonly CookieContainer _container = new() { PerDomainCapacity = 200, Capacity = 2000 };

    /// <summary>Adds <c>name=value; name2=value2</c> pairs for <paramref name="sites"/> (path "/").</summary>
    public void Seed(string? cookies, IEnumerable<Uri> sites)
    {
        if (string.IsNullOrWhiteSpace(cookies))
        {
            return;
        }

        foreach (var site in sites)
        {
            foreach (var (name, value) in ParseCookieHeader(cookies))
            {
                TryAdd(site, new Cookie(name, value, "/", site.IdnHost));
            }
        }
    }

    /// <summary>Applies every <c>Set-Cookie</c> value of a response received from <paramref name="url"/>; malformed ones are skipped.</summary>
    public void Update(Uri url, IEnumerable<string> setCookieHeaders)
    {
        foreach (var header in setCookieHeaders)
        {
            try
            {
                _container.SetCookies(url, header);
            }
            catch (CookieException)
            {
                // A target's malformed cookie is its problem, not the scan's.
            }
        }
    }

    /// <summary>The cookies to send to <paramref name="url"/>, as name/value pairs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> For(Uri url) =>
        [.. _container.GetCookies(url).Select(c => new KeyValuePair<string, string>(c.Name, c.Value))];

    /// <summary>The path the jar's cookie <paramref name="name"/> applies to at <paramref name="url"/> ("/" when unknown).</summary>
    public string PathOf(Uri url, string name) =>
        _container.GetCookies(url).FirstOrDefault(c => c.Name == name)?.Path is { Length: > 0 } path ? path : "/";

    /// <summary>Builds the <c>Cookie</c> header: jar cookies, overridden by same-named pairs in <paramref name="explicitHeader"/>.</summary>
    public string? BuildHeader(Uri url, string? explicitHeader)
    {
        var explicitPairs = explicitHeader is null ? [] : ParseCookieHeader(explicitHeader);
        var names = explicitPairs.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var pairs = For(url).Where(p => !names.Contains(p.Key)).Concat(explicitPairs).ToList();
        return pairs.Count == 0 ? null : string.Join("; ", pairs.Select(p => p.Key + "=" + p.Value));
    }

    public static IReadOnlyList<KeyValuePair<string, string>> ParseCookieHeader(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                pairs.Add(new(part[..eq].Trim(), part[(eq + 1)..].Trim()));
            }
        }

        return pairs;
    }

    private void TryAdd(Uri site, Cookie cookie)
    {
        try
        {
            _container.Add(site, cookie);
        }
        catch (CookieException)
        {
            // Values CookieContainer refuses (commas, semicolons) are skipped rather than failing the scan.
        }
    }
}
