using Harrier.Core.Scans;
using Harrier.Engine.InsertionPoints;

namespace Harrier.Engine.Crawling;

/// <summary>
/// Heuristic URL-rewrite detection. Path segments that look like values (numbers, GUIDs, hex ids, slugs ending in a
/// number) turn a path into a template (<c>/item/{v}</c>). Each template admits at most
/// <c>SubPathMaxDynamicSignatures</c> concrete URLs and the scan admits at most <c>MaxDynamicSignatures</c> templates,
/// so a site with 10,000 <c>/item/N</c> pages costs a few dozen requests, not 10,000.
/// </summary>
internal sealed class DynamicSignatureLimiter(UrlRewriteSettings settings, int maxDynamicSignatures, int subPathMaxDynamicSignatures)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<string>> _instances = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="url"/> may be crawled; records it as an instance of its template.</summary>
    public bool TryAdmit(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (settings.Mode == UrlRewriteMode.None)
        {
            return true;
        }

        var template = Template(url, out var isDynamic);
        if (!isDynamic)
        {
            return true;
        }

        lock (_lock)
        {
            if (!_instances.TryGetValue(template, out var instances))
            {
                if (_instances.Count >= Math.Max(1, maxDynamicSignatures))
                {
                    return false;
                }

                instances = new HashSet<string>(StringComparer.Ordinal);
                _instances[template] = instances;
            }

            var path = url.AbsolutePath;
            if (instances.Contains(path))
            {
                return true;
            }

            if (instances.Count >= Math.Max(1, subPathMaxDynamicSignatures))
            {
                return false;
            }

            instances.Add(path);
            return true;
        }
    }

    /// <summary>The path of <paramref name="url"/> with value-like segments replaced by <c>{v}</c>, keeping the origin.</summary>
    public static string Template(Uri url, out bool isDynamic)
    {
        ArgumentNullException.ThrowIfNull(url);
        var segments = url.AbsolutePath.Split('/');
        isDynamic = false;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var stem = ValueLikeSegment.Stem(segment);
            if (ValueLikeSegment.Matches(stem))
            {
                segments[i] = "{v}" + segment[stem.Length..];
                isDynamic = true;
            }
        }

        return url.GetLeftPart(UriPartial.Authority) + string.Join('/', segments);
    }
}
