using System.Collections.Concurrent;

namespace Harrier.TestTargets.Infrastructure;

/// <summary>Pages the admin surface added (names in insertion order), each a new reflected XSS hole linked from <c>/vuln/</c>.</summary>
internal sealed class AddedPages
{
    public const string PathPrefix = "/vuln/added/";
    public const string Parameter = "q";
    public const string ExampleValue = "harrier";

    private readonly ConcurrentDictionary<string, long> _names = new(StringComparer.Ordinal);
    private long _order;

    public bool IsEmpty => _names.IsEmpty;

    public IReadOnlyList<string> Names => [.. _names.OrderBy(p => p.Value).Select(p => p.Key)];

    public bool Add(string name) => _names.TryAdd(name, Interlocked.Increment(ref _order));

    public bool Contains(string name) => _names.ContainsKey(name);

    /// <summary>Lower-case letters and hyphens, 1–40 characters: a name, never a value-like path segment.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 40 } && name.All(c => c is (>= 'a' and <= 'z') or '-') && char.IsAsciiLetter(name[0]);

    public static string LinkOf(string name) => PathPrefix + name + "?" + Parameter + "=" + ExampleValue;
}
