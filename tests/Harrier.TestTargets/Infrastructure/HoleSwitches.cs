using System.Collections.Concurrent;

namespace Harrier.TestTargets.Infrastructure;

/// <summary>
/// Which holes the admin surface marked fixed. A fixed hole's <c>/vuln/…</c> URL is served by its safe twin's handler
/// (same URL, same page for benign input); holes that share a path are fixed together.
/// </summary>
internal sealed class HoleSwitches
{
    private readonly ConcurrentDictionary<string, KnownVulnerability> _fixed = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> FixedIds => [.. _fixed.Keys.Order(StringComparer.Ordinal)];

    public void Fix(KnownVulnerability hole) => _fixed[hole.Id] = hole;

    public void Reopen(KnownVulnerability hole) => _fixed.TryRemove(hole.Id, out _);

    public bool IsFixed(PathString path)
    {
        if (_fixed.IsEmpty || !path.HasValue)
        {
            return false;
        }

        foreach (var hole in _fixed.Values)
        {
            if (string.Equals(path.Value, hole.Path, StringComparison.Ordinal)
                || (hole.Location == ParameterLocation.Path && path.Value.StartsWith(ParentOf(hole.Path), StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For a path-segment hole (<c>/vuln/xss/path/harrier</c>), the folder whose every child is that hole.</summary>
    private static string ParentOf(string path) => path[..(path.LastIndexOf('/') + 1)];
}
