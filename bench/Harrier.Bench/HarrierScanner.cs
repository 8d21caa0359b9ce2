using System.Diagnostics;
using System.Text.Json.Nodes;
using Harrier.TestTargets;

namespace Harrier.Bench;

/// <summary>
/// Runs the one-shot <c>harrier scan</c> CLI (an in-process server, its agent, <c>scans/new</c>, the JSON
/// Vulnerabilities report) against one origin and reads the report.
/// </summary>
internal static class HarrierScanner
{
    /// <summary>Harrier type names outside the list that still name a family (a "possible" variant of a listed type).</summary>
    private static readonly (string Fragment, string Family)[] s_typeFragments =
    [
        ("Xss", "xss"), ("SqlInjection", "sqli"), ("CommandInjection", "cmdi"), ("Redirect", "redirect"), ("Ssrf", "ssrf"),
        ("Xxe", "xxe"), ("Rfi", "rfi"), ("Lfi", "lfi"), ("Ssti", "ssti"), ("HeaderInjection", "crlf"),
    ];

    public static async Task<(TimeSpan Wall, int ExitCode, IReadOnlyList<DetectedFinding> Findings)> ScanAsync(
        string harrierDll, Uri target, string workDir, string userName, string password, IReadOnlyList<KnownVulnerability> holes)
    {
        var report = Path.Combine(workDir, "harrier.json");
        string[] arguments =
        [
            harrierDll, "scan", target.AbsoluteUri,
            "--auth-form-url", new Uri(target, "/auth/login").AbsoluteUri, "--auth-user", userName, "--auth-password", password,
            "-o", report,
        ];
        Console.WriteLine("$ dotnet " + string.Join(' ', arguments));
        var clock = Stopwatch.StartNew();
        await using var process = ChildProcess.Start("dotnet", arguments);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromHours(6));
        var wall = clock.Elapsed;
        if (!File.Exists(report))
        {
            throw new InvalidOperationException($"harrier scan wrote no report (exit {exitCode}):\n{process.Output}");
        }

        return (wall, exitCode, Parse(JsonNode.Parse(await File.ReadAllTextAsync(report))!, holes));
    }

    /// <summary>Reads the Vulnerabilities JSON report: the attacked parameter is the first of <c>HttpRequest.Parameters</c>.</summary>
    public static IReadOnlyList<DetectedFinding> Parse(JsonNode report, IReadOnlyList<KnownVulnerability> holes)
    {
        var familyOfType = holes.GroupBy(h => h.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Family, StringComparer.Ordinal);
        var findings = new List<DetectedFinding>();
        foreach (var v in report["Vulnerabilities"]?.AsArray() ?? [])
        {
            var type = (string?)v!["Type"] ?? "";
            var family = familyOfType.GetValueOrDefault(type)
                ?? s_typeFragments.FirstOrDefault(f => type.Contains(f.Fragment, StringComparison.Ordinal)).Family;
            var url = new Uri((string?)v["Url"] ?? "http://invalid/");
            var parameter = (string?)v["HttpRequest"]?["Parameters"]?.AsArray().FirstOrDefault()?["Name"];
            findings.Add(new DetectedFinding(type, family is null ? new HashSet<string>() : new HashSet<string>([family], StringComparer.Ordinal),
                (string?)v["HttpRequest"]?["Method"] ?? "GET", url.AbsolutePath, string.IsNullOrEmpty(parameter) ? null : parameter));
        }

        return findings;
    }
}
