using System.Text.RegularExpressions;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Resource;

/// <summary>
/// Content signatures that prove a probed file is what its name says (a Git config, a dotenv file, a zip archive…),
/// so a status code alone never counts. Text signatures need the file's own syntax, binary ones its magic bytes.
/// </summary>
internal static partial class FileSignatures
{
    private static readonly byte[] s_sqlite = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] s_dsStore = [0, 0, 0, 1, (byte)'B', (byte)'u', (byte)'d', (byte)'1'];
    private static readonly byte[] s_zip = [(byte)'P', (byte)'K', 3, 4];
    private static readonly byte[] s_emptyZip = [(byte)'P', (byte)'K', 5, 6];
    private static readonly byte[] s_gzip = [0x1f, 0x8b, 8];

    public static bool Matches(string signature, ScanHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = response.Body;
        return signature switch
        {
            "git-config" => GitCoreSection().IsMatch(response.BodyText) && GitFormatVersion().IsMatch(response.BodyText),
            "git-head" => GitHead().IsMatch(response.BodyText),
            "svn-entries" => SvnEntries().IsMatch(response.BodyText),
            "sqlite" => body.AsSpan().StartsWith(s_sqlite),
            "dotenv" => IsDotEnv(response.BodyText),
            "ds-store" => body.AsSpan().StartsWith(s_dsStore),
            "log" => LogLine().IsMatch(response.BodyText),
            "zip" => body.AsSpan().StartsWith(s_zip) || body.AsSpan().StartsWith(s_emptyZip),
            "gzip" => body.AsSpan().StartsWith(s_gzip),
            _ => throw new ArgumentOutOfRangeException(nameof(signature), signature, "Unknown file signature."),
        };
    }

    /// <summary>
    /// True for a probe answer that proves the file: 200 with a body matching <paramref name="signature"/>, unlike the
    /// folder's answer for a random name (a soft-404 site answers 200 for everything; a page that always shows the
    /// signature proves nothing).
    /// </summary>
    public static bool IsHit(ScanHttpResponse response, ScanHttpResponse baseline, string signature)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(baseline);
        if (response.StatusCode != 200 || response.Body.Length == 0 || !Matches(signature, response))
        {
            return false;
        }

        return baseline.StatusCode != 200 || (!baseline.Body.AsSpan().SequenceEqual(response.Body) && !Matches(signature, baseline));
    }

    /// <summary>Dotenv: every non-empty, non-comment line is <c>KEY=value</c>, at least two of them, no markup.</summary>
    private static bool IsDotEnv(string text)
    {
        var assignments = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            if (!DotEnvLine().IsMatch(line))
            {
                return false;
            }

            assignments++;
        }

        return assignments >= 2;
    }

    [GeneratedRegex(@"^\s*\[core\]\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GitCoreSection();

    [GeneratedRegex(@"^\s*repositoryformatversion\s*=\s*[0-9]", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GitFormatVersion();

    [GeneratedRegex(@"\A(ref: refs/[\x21-\x7e]+|[0-9a-f]{40}|[0-9a-f]{64})\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex GitHead();

    [GeneratedRegex(@"\A([0-9]{1,2}\r?\n\r?\ndir\r?\n|<\?xml[^>]*>\s*<wc-entries)", RegexOptions.CultureInvariant)]
    private static partial Regex SvnEntries();

    [GeneratedRegex(@"^(export\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*=[^<>]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DotEnvLine();

    /// <summary>Apache/nginx access log, nginx error log, PHP error log, or Apache error log lines.</summary>
    [GeneratedRegex(
        @"^(\S+ \S+ \S+ \[[0-9]{2}/[A-Z][a-z]{2}/[0-9]{4}:[0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}\] ""(GET|POST|HEAD|PUT|DELETE|OPTIONS|PATCH) " +
        @"|[0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} \[(emerg|alert|crit|error|warn|notice|info|debug)\] [0-9]+#[0-9]+: " +
        @"|\[[0-9]{2}-[A-Z][a-z]{2}-[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}( [A-Za-z_/]+)?\] PHP (Fatal error|Parse error|Warning|Notice|Deprecated):" +
        @"|\[[A-Z][a-z]{2} [A-Z][a-z]{2} [0-9 ][0-9] [0-9:.]+ [0-9]{4}\] \[[a-z_]*:?(emerg|alert|crit|error|warn|notice|info|debug)\] )",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LogLine();
}
