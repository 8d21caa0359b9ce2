using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>One line of a tab-separated signature file: the finding type it yields, its other fields, and its compiled pattern.</summary>
internal sealed record SignatureLine(string TypeName, IReadOnlyList<string> Fields, Regex Pattern)
{
    /// <summary>Reads <paramref name="fileName"/>: the first field is the type, the last the pattern (non-backtracking), the rest <see cref="Fields"/>.</summary>
    public static IReadOnlyList<SignatureLine> Load(string fileName, RegexOptions options) =>
    [
        .. PayloadFile.ReadLines(fileName)
            .Select(line => line.Split('\t'))
            .Select(parts => new SignatureLine(
                parts[0],
                parts[1..^1],
                new Regex(parts[^1], options | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))),
    ];
}
