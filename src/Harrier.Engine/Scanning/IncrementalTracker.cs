using System.Collections.Concurrent;
using Harrier.Core.Findings;

namespace Harrier.Engine.Scanning;

/// <summary>
/// Compares what an incremental scan crawls with its base scan. A resource is unchanged when the base scan crawled
/// the same method and path with the same <see cref="ResponseHash"/>; anything else is new or changed. At the end,
/// the base findings are carried over unless their resource changed or disappeared.
/// </summary>
internal sealed class IncrementalTracker
{
    private readonly IncrementalBase _base;
    private readonly Dictionary<string, HashSet<string>> _baseHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _crawled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);

    public IncrementalTracker(IncrementalBase incrementalBase)
    {
        ArgumentNullException.ThrowIfNull(incrementalBase);
        _base = incrementalBase;
        foreach (var resource in incrementalBase.Resources)
        {
            var key = ResourceKey.Of(resource.Method, resource.Url);
            if (!_baseHashes.TryGetValue(key, out var hashes))
            {
                _baseHashes[key] = hashes = new HashSet<string>(StringComparer.Ordinal);
            }

            if (resource.ResponseHash is { } hash)
            {
                hashes.Add(hash);
            }
        }
    }

    /// <summary>Records a crawled resource; true when the base scan saw it with the same response.</summary>
    public bool IsUnchanged(string method, string url, string responseHash)
    {
        var key = ResourceKey.Of(method, url);
        _crawled.TryAdd(key, 0);
        if (_baseHashes.TryGetValue(key, out var hashes) && hashes.Contains(responseHash))
        {
            return true;
        }

        _changed.TryAdd(key, 0);
        return false;
    }

    /// <summary>
    /// Base findings to copy into this scan (call once the crawl is over): those whose resource was crawled unchanged,
    /// and those on URLs the base crawl never requested (probed files, site-wide header findings) unless such a URL is
    /// now new or changed. Findings on resources that changed were attacked again; those on resources gone are dropped.
    /// </summary>
    public IEnumerable<Finding> CarriedOver() => _base.Findings.Where(finding =>
    {
        var key = ResourceKey.Of(finding.Method, finding.Url);
        if (_changed.ContainsKey(key))
        {
            return false;
        }

        return _crawled.ContainsKey(key) || !_baseHashes.ContainsKey(key);
    });
}
