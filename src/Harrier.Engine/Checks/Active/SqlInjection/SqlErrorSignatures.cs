using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Active.SqlInjection;

/// <summary>The database error signatures from <c>Payloads/sql-error-signatures.txt</c>, matched with a non-backtracking engine.</summary>
internal static class SqlErrorSignatures
{
    private static readonly Lazy<IReadOnlyList<SqlErrorSignature>> s_all = new(Load);

    public static IReadOnlyList<SqlErrorSignature> All => s_all.Value;

    /// <summary>The first signature matching <paramref name="text"/> but not <paramref name="baseline"/>, with the matched text; or null.</summary>
    public static (SqlErrorSignature Signature, string Match)? FirstNewMatch(string text, string baseline)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(baseline);
        foreach (var signature in All)
        {
            var match = signature.Pattern.Match(text);
            if (match.Success && !signature.Pattern.IsMatch(baseline))
            {
                return (signature, match.Value);
            }
        }

        return null;
    }

    private static List<SqlErrorSignature> Load() =>
    [
        .. PayloadFile.ReadLines("sql-error-signatures.txt")
            .Select(line => line.Split('\t', 2))
            .Select(parts => new SqlErrorSignature(
                parts[0],
                new Regex(parts[1], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))),
    ];
}
