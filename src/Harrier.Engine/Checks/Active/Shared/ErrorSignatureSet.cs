using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Active.Shared;

/// <summary>
/// Error message signatures from an embedded data file, one <c>&lt;label&gt;TAB&lt;regex&gt;</c> per line (the label
/// names the technology), matched case-insensitively with a non-backtracking engine.
/// </summary>
internal sealed class ErrorSignatureSet
{
    private readonly IReadOnlyList<(string Label, Regex Pattern)> _signatures;

    private ErrorSignatureSet(IReadOnlyList<(string Label, Regex Pattern)> signatures) => _signatures = signatures;

    public int Count => _signatures.Count;

    public static ErrorSignatureSet Load(string fileName) => new(
    [
        .. PayloadFile.ReadLines(fileName)
            .Select(line => line.Split('\t', 2))
            .Select(parts => (parts[0], new Regex(parts[1], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))),
    ]);

    /// <summary>The first signature matching <paramref name="text"/> but not <paramref name="baseline"/>, with the matched text; or null.</summary>
    public (string Label, string Match)? FirstNewMatch(string text, string baseline)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(baseline);
        foreach (var (label, pattern) in _signatures)
        {
            var match = pattern.Match(text);
            if (match.Success && !pattern.IsMatch(baseline))
            {
                return (label, match.Value);
            }
        }

        return null;
    }
}
