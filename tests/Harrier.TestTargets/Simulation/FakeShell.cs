using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Harrier.TestTargets.Simulation;

/// <summary>
/// A simulated <c>sh -c "ping -c 1 {host}"</c>. Nothing is executed: the command line is split on shell separators
/// (<c>; | || &amp; &amp;&amp;</c>, newline, backticks, <c>$( )</c>) and each injected command gets canned output
/// (<c>id</c>, <c>whoami</c>, <c>uname</c>, <c>hostname</c>, <c>echo</c>, <c>cat</c>/<c>type</c> of the canned files,
/// <c>echo $((a*b))</c>). Anything else is "not found".
/// </summary>
internal static partial class FakeShell
{
    public const string IdOutput = "uid=33(www-data) gid=33(www-data) groups=33(www-data)";

    /// <summary>Splits the injected part into the first (intended) argument and the injected commands.</summary>
    public static (string Argument, IReadOnlyList<string> Injected) Split(string input)
    {
        // The shell expands $((a*b)) before running anything.
        var expanded = Arithmetic().Replace(input, static m => (long.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture)
            * long.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
        var parts = Separator().Split(expanded);
        var injected = new List<string>();
        for (var i = 1; i < parts.Length; i++)
        {
            var command = parts[i].Trim();
            if (command.Length > 0)
            {
                injected.Add(command);
            }
        }

        return (parts[0].Trim(), injected);
    }

    /// <summary>The simulated output of a ping followed by the injected commands.</summary>
    public static string Ping(string input)
    {
        var (host, injected) = Split(input);
        var output = new StringBuilder();
        if (host.Length > 0)
        {
            output.Append(CultureInfo.InvariantCulture, $"PING {host} ({host}) 56(84) bytes of data.\n")
                .Append(CultureInfo.InvariantCulture, $"64 bytes from {host}: icmp_seq=1 ttl=64 time=0.045 ms\n\n")
                .Append(CultureInfo.InvariantCulture, $"--- {host} ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\n");
        }

        foreach (var command in injected)
        {
            output.Append(Run(command)).Append('\n');
        }

        return output.ToString();
    }

    /// <summary>The total delay the injected commands ask for (<c>sleep</c>, <c>ping -c N</c>, <c>timeout /t N</c>).</summary>
    public static double DelaySeconds(string input) =>
        Split(input).Injected.Sum(DelayPayloads.ShellSeconds);

    private static string Run(string command)
    {
        var space = command.IndexOf(' ', StringComparison.Ordinal);
        var name = (space < 0 ? command : command[..space]).ToLowerInvariant();
        var arguments = space < 0 ? string.Empty : command[(space + 1)..].Trim();
        return name switch
        {
            "id" => IdOutput,
            "whoami" => "www-data",
            "hostname" => "web01",
            "uname" => arguments.Contains("-a", StringComparison.Ordinal) ? "Linux web01 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux" : "Linux",
            "echo" => RemoveQuotes(arguments),
            "cat" or "type" or "more" => CannedFiles.Read(CannedFiles.Resolve(ExpandWindowsRoot(arguments.Trim('"', '\'')))) ?? $"{name}: {arguments}: No such file or directory",
            _ => $"sh: 1: {name}: not found",
        };
    }

    /// <summary>What a POSIX shell does to a word before <c>echo</c> sees it: quotes go, what they enclose stays (<c>a''b</c> → <c>ab</c>).</summary>
    private static string RemoveQuotes(string arguments)
    {
        var result = new StringBuilder(arguments.Length);
        char? open = null;
        foreach (var c in arguments)
        {
            if (open is null && c is '"' or '\'')
            {
                open = c;
            }
            else if (c == open)
            {
                open = null;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static string ExpandWindowsRoot(string path) =>
        path.Replace("%SYSTEMROOT%", "/windows", StringComparison.OrdinalIgnoreCase)
            .Replace("%WINDIR%", "/windows", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\|\||&&|[;|&\n`]|\$\(|\)")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\$\(\((?<a>\d{1,9})\s*\*\s*(?<b>\d{1,9})\)\)")]
    private static partial Regex Arithmetic();
}
