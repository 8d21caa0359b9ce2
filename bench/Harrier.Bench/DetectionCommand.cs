using System.Globalization;
using System.Text;
using Harrier.TestTargets;

namespace Harrier.Bench;

/// <summary>
/// Detection benchmark (issue 4): TestTargets scanned by wapiti (every module) and by Harrier, each against a fresh
/// in-process target that counts the requests it receives, both scored against the vulnerability list. Run it through
/// <c>bench/detection.sh</c>, which puts everything in a network namespace with only loopback.
/// </summary>
internal static class DetectionCommand
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var harrierDll = Path.GetFullPath(args.Get("harrier-dll") ?? throw new ArgumentException("--harrier-dll is required"));
        var wapiti = args.Get("wapiti") ?? "wapiti";
        var pages = args.GetInt("pages", 20);
        var maxAttackSeconds = args.GetInt("wapiti-max-attack-time", 0);
        var only = (args.Get("only") ?? "wapiti,harrier").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var workDir = Directory.CreateTempSubdirectory("harrier-detection-").FullName;
        var holes = KnownVulnerabilities.All;
        Console.WriteLine($"detection benchmark: {holes.Count} known vulnerabilities, {Environment.ProcessorCount} CPUs, work directory {workDir}");

        var runs = new List<ScannerRun>();
        if (only.Contains("wapiti"))
        {
            var version = await WapitiScanner.VersionAsync(wapiti);
            var modules = await WapitiScanner.ModulesAsync(wapiti);
            var limit = maxAttackSeconds > 0 ? $", --max-attack-time {maxAttackSeconds}" : "";
            runs.Add(await AgainstFreshTargetAsync("wapiti", $"{version}, modules {string.Join(',', modules)}{limit}", pages, target =>
                WapitiScanner.ScanAsync(wapiti, target, modules, Directory.CreateDirectory(Path.Combine(workDir, "wapiti")).FullName,
                    TestTargetOptions.DefaultUserName, TestTargetOptions.DefaultPassword, maxAttackSeconds)));
        }

        if (only.Contains("harrier"))
        {
            runs.Add(await AgainstFreshTargetAsync("Harrier", "harrier scan (" + Path.GetFileName(harrierDll) + ")", pages, target =>
                HarrierScanner.ScanAsync(harrierDll, target, Directory.CreateDirectory(Path.Combine(workDir, "harrier")).FullName,
                    TestTargetOptions.DefaultUserName, TestTargetOptions.DefaultPassword, holes)));
        }

        var scores = runs.Select(r => DetectionScore.Of(r, holes)).ToList();
        var markdown = Markdown(holes, scores, pages);
        Console.WriteLine(markdown);
        if (args.Get("out") is { } outPath)
        {
            await File.WriteAllTextAsync(outPath, markdown);
            Console.WriteLine("written to " + outPath);
        }

        return 0;
    }

    private static async Task<ScannerRun> AgainstFreshTargetAsync(
        string scanner, string version, int pages, Func<Uri, Task<(TimeSpan Wall, int ExitCode, IReadOnlyList<DetectedFinding> Findings)>> scan)
    {
        long requests = 0;
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions
        {
            GeneratedPages = pages,
            OnRequest = (_, _) => Interlocked.Increment(ref requests),
        });
        Console.WriteLine($"{scanner}: scanning {target.BaseUrl}");
        var loadBefore = LoadAverage();
        var (wall, exitCode, findings) = await scan(target.BaseUrl);
        var run = new ScannerRun(scanner, version, wall, Interlocked.Read(ref requests), exitCode, findings, $"{loadBefore} → {LoadAverage()}");
        Console.WriteLine($"{scanner}: {wall.TotalSeconds:F1} s, {run.Requests} requests, {findings.Count} findings, exit code {exitCode}");
        return run;
    }

    /// <summary>The 1-minute load average: the machine may be shared, and wall times only compare on a similar load.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string Markdown(IReadOnlyList<KnownVulnerability> holes, IReadOnlyList<DetectionScore> scores, int pages)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"# Detection benchmark, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        var versions = string.Join("; ", scores.Select(s => $"{s.Run.Scanner}: {s.Run.Version}"));
        md.AppendLine(inv, $"TestTargets (`--pages {pages}`), {holes.Count} known vulnerabilities; {Environment.ProcessorCount} CPUs; {versions}.");
        md.AppendLine();
        md.AppendLine("| | " + string.Join(" | ", scores.Select(s => s.Run.Scanner)) + " |");
        md.AppendLine("|---|" + string.Concat(scores.Select(_ => "---:|")));
        Row(md, "found", scores, s => $"{s.Found.Count} / {holes.Count}");
        Row(md, "missed", scores, s => (holes.Count - s.Found.Count).ToString(inv));
        Row(md, "false positives", scores, s => s.FalsePositives.Count.ToString(inv));
        Row(md, "other findings (site-wide, informational, incidental)", scores, s => s.Aside.Count.ToString(inv));
        Row(md, "wall time", scores, s => s.Run.WallTime.TotalSeconds.ToString("F1", inv) + " s");
        Row(md, "requests (counted by the target)", scores, s => s.Run.Requests.ToString("N0", inv));
        Row(md, "exit code", scores, s => s.Run.ExitCode.ToString(inv));
        Row(md, "load average (1 min) before → after", scores, s => s.Run.Load);
        md.AppendLine();

        md.AppendLine("| hole | family | path | parameter | " + string.Join(" | ", scores.Select(s => s.Run.Scanner)) + " |");
        md.AppendLine("|---|---|---|---|" + string.Concat(scores.Select(_ => ":---:|")));
        foreach (var hole in holes)
        {
            md.Append(inv, $"| {hole.Id} | {hole.Family} | `{hole.Path}` | {Cell(hole.Parameter)} |");
            foreach (var score in scores)
            {
                md.Append(score.Found.Contains(hole.Id) ? " ✓ |" : " ✗ |");
            }

            md.AppendLine();
        }

        foreach (var score in scores)
        {
            List(md, $"{score.Run.Scanner}: false positives", score.FalsePositives);
            List(md, $"{score.Run.Scanner}: other findings (not on a /vuln/ or /safe/ page, informational, or incidental to plain HTTP)", score.Aside);
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string label, IEnumerable<DetectionScore> scores, Func<DetectionScore, string> cell) =>
        md.AppendLine("| " + label + " | " + string.Join(" | ", scores.Select(cell)) + " |");

    private static void List(StringBuilder md, string title, IReadOnlyList<DetectedFinding> findings)
    {
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**{title}** ({findings.Count})");
        md.AppendLine();
        foreach (var group in findings.GroupBy(f => (f.Name, f.Kind)).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var kind = group.Key.Kind == FindingKind.Vulnerability ? "" : $" ({group.Key.Kind.ToString().ToLowerInvariant()})";
            var where = string.Join(", ", group.Select(f => $"`{f.Method} {f.Path}`" + (f.Parameter is null ? "" : $" [{Cell(f.Parameter)}]")));
            md.AppendLine(CultureInfo.InvariantCulture, $"- {group.Key.Name}{kind}: {where}");
        }
    }

    private static string Cell(string? text) => string.IsNullOrEmpty(text) ? "" : text.Replace("|", "\\|", StringComparison.Ordinal);
}
