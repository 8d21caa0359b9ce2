using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Harrier.Bench;

/// <summary>
/// Runs wapiti 3 (the Debian package) with every module it has against one origin and reads its JSON report.
/// Traffic: wapiti's out-of-band endpoint (SSRF, XXE; a public host by default) points at a closed loopback port, the
/// crash-report upload is off, the Wappalyzer database download is pre-empted by an empty local copy, and the
/// detection script runs all of it in a network namespace that has only loopback.
/// </summary>
internal static partial class WapitiScanner
{
    /// <summary>wapiti category → the TestTargets families it can stand for.</summary>
    private static readonly Dictionary<string, string[]> s_families = new(StringComparer.Ordinal)
    {
        ["Cross Site Scripting"] = ["xss"],
        ["SQL Injection"] = ["sqli", "xpath", "ldap"],
        ["Blind SQL Injection"] = ["sqli"],
        ["Command execution"] = ["cmdi", "code"],
        ["Path Traversal"] = ["lfi", "rfi"],
        ["CRLF Injection"] = ["crlf"],
        ["Open Redirect"] = ["redirect"],
        ["XML External Entity"] = ["xxe"],
        ["Server Side Request Forgery"] = ["ssrf"],
        ["Backup file"] = ["files"],
        ["Potentially dangerous file"] = ["files"],
        ["Htaccess Bypass"] = ["methods"],
        ["Content Security Policy Configuration"] = ["headers"],
        ["HTTP Secure Headers"] = ["headers"],
        ["Cross Site Request Forgery"] = ["csrf"],
        ["HttpOnly Flag cookie"] = ["cookies"],
        ["Secure Flag cookie"] = ["cookies"],
        ["Weak credentials"] = ["credentials"],
    };

    public static async Task<string> VersionAsync(string wapiti)
    {
        var output = await RunToEndAsync(wapiti, ["--version"]);
        return VersionPattern().Match(output) is { Success: true } m ? m.Value : "wapiti (unknown version)";
    }

    /// <summary>Every module name <c>wapiti --list-modules</c> prints (one per tab-indented line).</summary>
    public static async Task<IReadOnlyList<string>> ModulesAsync(string wapiti)
    {
        var output = await RunToEndAsync(wapiti, ["--list-modules"]);
        return [.. ModuleLine().Matches(output).Select(m => m.Groups[1].Value)];
    }

    public static async Task<(TimeSpan Wall, int ExitCode, IReadOnlyList<DetectedFinding> Findings)> ScanAsync(
        string wapiti, Uri target, IReadOnlyList<string> modules, string workDir, string userName, string password, int maxAttackSeconds)
    {
        var configDir = Directory.CreateDirectory(Path.Combine(workDir, "config")).FullName;
        await File.WriteAllTextAsync(Path.Combine(configDir, "apps.json"), "{}");
        var report = Path.Combine(workDir, "wapiti.json");
        string[] arguments =
        [
            "-u", target.AbsoluteUri, "--scope", "folder",
            "-m", string.Join(',', modules),
            "-s", new Uri(target, "/auth/login").AbsoluteUri, "-a", userName + "%" + password, "--auth-type", "post",
            "--endpoint", "http://127.0.0.1:9/",
            "--no-bugreport", "--flush-session",
            "--store-session", Path.Combine(workDir, "session"), "--store-config", configDir,
            "-f", "json", "-o", report, "-v", "0",
            .. maxAttackSeconds > 0 ? ["--max-attack-time", maxAttackSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)] : Array.Empty<string>(),
        ];
        Console.WriteLine("$ " + wapiti + " " + string.Join(' ', arguments));
        var clock = Stopwatch.StartNew();
        await using var process = ChildProcess.Start(wapiti, arguments, new Dictionary<string, string>
        {
            ["HOME"] = workDir, ["http_proxy"] = "", ["https_proxy"] = "", ["HTTP_PROXY"] = "", ["HTTPS_PROXY"] = "",
        });
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromHours(6));
        var wall = clock.Elapsed;
        if (!File.Exists(report))
        {
            throw new InvalidOperationException($"wapiti wrote no report (exit {exitCode}):\n{process.Output}");
        }

        return (wall, exitCode, Parse(JsonNode.Parse(await File.ReadAllTextAsync(report))!));
    }

    /// <summary>Reads wapiti 3's JSON report: <c>vulnerabilities</c>, <c>anomalies</c> and <c>additionals</c>, each category → entries.</summary>
    public static IReadOnlyList<DetectedFinding> Parse(JsonNode report)
    {
        var findings = new List<DetectedFinding>();
        foreach (var (section, kind) in new[] { ("vulnerabilities", FindingKind.Vulnerability), ("anomalies", FindingKind.Informational), ("additionals", FindingKind.Informational) })
        {
            foreach (var (category, entries) in report[section]?.AsObject() ?? [])
            {
                foreach (var entry in entries?.AsArray() ?? [])
                {
                    var families = s_families.TryGetValue(category, out var known) ? known : [];
                    var parameter = (string?)entry!["parameter"];

                    var entryKind = kind == FindingKind.Vulnerability && IsIncidental(category, (string?)entry["info"]) ? FindingKind.Incidental : kind;
                    findings.Add(new DetectedFinding(category, new HashSet<string>(families, StringComparer.Ordinal),
                        (string?)entry["method"] ?? "GET", (string?)entry["path"] ?? "", string.IsNullOrEmpty(parameter) ? null : parameter, entryKind));
                }
            }
        }

        return findings;
    }

    /// <summary>
    /// True of the test site by design, but not holes of its list: a cookie without Secure on a plain-HTTP site, and
    /// the fixed anti-CSRF token of its ordinary forms, which only the CSRF twin validates (TestTargets' Forms.CsrfField).
    /// </summary>
    private static bool IsIncidental(string category, string? info) =>
        category == "Secure Flag cookie"
        || (category == "Cross Site Request Forgery" && info?.Contains("not properly checked", StringComparison.Ordinal) == true);

    private static async Task<string> RunToEndAsync(string fileName, string[] arguments)
    {
        await using var process = ChildProcess.Start(fileName, arguments);
        await process.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return process.Output;
    }

    [GeneratedRegex(@"Wapiti[- ]\d+(\.\d+)+")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^\t([a-z_]+)", RegexOptions.Multiline)]
    private static partial Regex ModuleLine();
}
