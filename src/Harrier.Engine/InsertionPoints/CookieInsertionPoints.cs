using Harrier.Engine.Http;

namespace Harrier.Engine.InsertionPoints;

/// <summary>One insertion point per cookie the request would carry; the attacked value overrides the jar's.</summary>
internal static class CookieInsertionPoints
{
    public static IEnumerable<InsertionPoint> Enumerate(ScanHttpRequest request, IReadOnlyList<KeyValuePair<string, string>> jarCookies)
    {
        var explicitCookies = request.GetHeader("Cookie") is { } header ? CookieJar.ParseCookieHeader(header) : [];
        var cookies = explicitCookies.Concat(jarCookies).DistinctBy(c => c.Key, StringComparer.Ordinal);
        foreach (var (name, original) in cookies)
        {
            yield return new InsertionPoint(InsertionPointKind.Cookie, name, original, value =>
            {
                var others = explicitCookies.Where(c => c.Key != name).Select(c => c.Key + "=" + c.Value);
                return request.WithHeader("Cookie", string.Join("; ", others.Append(name + "=" + value)));
            });
        }
    }
}
