using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Harrier.Bench;

/// <summary>
/// Runs every scenario end to end over real loopback HTTP: the TestTargets site in its own process, the scanner either
/// as <see cref="Harrier.Engine.ScanEngine"/> alone in a fresh child process or as a real <c>harrier serve</c> with
/// agents and SQLite, and wrk as the plain load generator.
/// </summary>
internal sealed class BenchmarkSuite(BenchArgs args)
{
    private readonly int _runs = args.GetInt("runs", 3);
    private readonly int _pages = args.GetInt("pages", 10_000);
    private readonly int _delayMs = args.GetInt("delay-ms", 50);
    private readonly int _concurrency = args.GetInt("concurrency", 64);
    private readonly int _wrkSeconds = args.GetInt("wrk-seconds", 10);
    private readonly int _launches = args.GetInt("launches", 20);
    private readonly string _wrk = args.Get("wrk") ?? "wrk";
    private readonly string _targetDll = args.Get("target-dll") ?? throw new ArgumentException("--target-dll is required");
    private readonly string? _harrierDll = args.Get("harrier-dll");
    private readonly HashSet<string> _only = [.. (args.Get("only") ?? "fast,slow,pipeline,launch").Split(',')];
    private readonly List<ScenarioResult> _results = [];

    public async Task<int> RunAsync()
    {
        await WaitForQuietAsync();
        var started = Stopwatch.StartNew();
        if (_only.Contains("fast"))
        {
            await RunFastTargetAsync();
        }

        if (_only.Contains("slow"))
        {
            await RunSlowTargetAsync();
        }

        if (_only.Contains("pipeline") || _only.Contains("launch"))
        {
            await RunPipelineAsync();
        }

        var report = ReportWriter.Render(_results, _runs, _pages, _delayMs, _concurrency, started.Elapsed);
        Console.WriteLine();
        Console.WriteLine(report);
        if (args.Get("out") is { } path)
        {
            await File.WriteAllTextAsync(path, report);
            Console.WriteLine("Results written to " + path);
        }

        return 0;
    }

    private async Task RunFastTargetAsync()
    {
        const string Section = "Fast loopback target (no delay)";
        await using var target = await TargetProcess.StartAsync(_targetDll, _pages, delayMs: 0);
        Log($"fast target at {target.BaseUrl} (pid {target.Pid})");
        await AddWrkAsync(Section, target, "wrk -c" + _concurrency + " GET /gen/item/1 (what the target alone serves)");
        await AddEngineAsync(Section, target, "gen-none-nochecks", "crawl /gen/ (10k pages), URL rewrite None, no checks", "/gen/", "none", "none");
        await AddEngineAsync(Section, target, "gen-none", "scan /gen/ (10k pages), URL rewrite None, all checks", "/gen/", "none", "all");
        await AddEngineAsync(Section, target, "gen-heuristic", "scan /gen/ (10k pages), URL rewrite Heuristic (default), all checks", "/gen/", "heuristic", "all");
        await AddEngineAsync(Section, target, "site", "scan the whole TestTargets site from /, all checks", "/", "heuristic", "all");
    }

    private async Task RunSlowTargetAsync()
    {
        var section = $"Slower target (--delay-ms {_delayMs})";
        await using var target = await TargetProcess.StartAsync(_targetDll, _pages, _delayMs);
        Log($"slow target at {target.BaseUrl} (pid {target.Pid})");

        // wrk and the scan alternate, so each scan is compared with what the target served just before it.
        var wrkRuns = new List<Measurement>();
        var scanRuns = new List<Measurement>();
        for (var run = 1; run <= _runs; run++)
        {
            var baseline = await MeasureWrkAsync(target, run);
            wrkRuns.Add(baseline);
            var scan = await MeasureEngineAsync(target, "slow gen-none", "/gen/", "none", "all", run);
            var values = new Dictionary<string, double>(scan.Values)
            {
                [Columns.RatioToWrk] = 100 * scan.Values[Columns.RequestsPerSecond] / baseline.Values[Columns.RequestsPerSecond],
            };
            scanRuns.Add(scan with { Values = values });
        }

        _results.Add(new ScenarioResult(section, "wrk -c" + _concurrency + " GET /gen/item/1 (what the target alone serves)", "wrk", wrkRuns));
        _results.Add(new ScenarioResult(section, "scan /gen/ (10k pages), URL rewrite None, all checks", "engine alone", scanRuns,
            "% of wrk: this run's scanner req/s over the wrk run just before it."));
    }

    private async Task RunPipelineAsync()
    {
        if (_harrierDll is null)
        {
            Log("no --harrier-dll: pipeline scenarios skipped");
            return;
        }

        await using var server = await HarrierServerProcess.StartAsync(_harrierDll);
        Log($"harrier serve (pid {server.Pid}) is healthy");
        var pipeline = new PipelineScenarios(server, _targetDll, _pages, _concurrency, _runs, Log);
        if (_only.Contains("launch"))
        {
            _results.Add(await pipeline.LaunchLatencyAsync(_launches));
        }

        if (_only.Contains("pipeline"))
        {
            _results.AddRange(await pipeline.FullScansAsync());
        }
    }

    private async Task AddWrkAsync(string section, TargetProcess target, string name)
    {
        var runs = new List<Measurement>();
        for (var run = 1; run <= _runs; run++)
        {
            runs.Add(await MeasureWrkAsync(target, run));
        }

        _results.Add(new ScenarioResult(section, name, "wrk", runs));
    }

    private async Task<Measurement> MeasureWrkAsync(TargetProcess target, int run)
    {
        var load = ProcStatus.LoadAverage();
        var cpu = new CpuWindow(() => TimeSpan.Zero, () => target.CpuTime);
        var result = await Wrk.RunAsync(_wrk, target.Url("/gen/item/1"), _concurrency, _wrkSeconds);
        var values = new Dictionary<string, double>
        {
            [Columns.RequestsPerSecond] = result.RequestsPerSecond,
            [Columns.Seconds] = _wrkSeconds,
            [Columns.P50] = result.P50Ms,
            [Columns.P90] = result.P90Ms,
            [Columns.P99] = result.P99Ms,
        };
        cpu.AddTo(values, result.RequestsPerSecond * _wrkSeconds, _wrkSeconds);
        values.Remove(Columns.ScannerCpuPerRequest);
        values.Remove(Columns.ScannerCores);
        Log($"  wrk run {run}: {result.RequestsPerSecond:F0} req/s (load {load})");
        return new Measurement(values, load);
    }

    private async Task AddEngineAsync(string section, TargetProcess target, string id, string name, string path, string rewrite, string checks)
    {
        var runs = new List<Measurement>();
        for (var run = 1; run <= _runs; run++)
        {
            runs.Add(await MeasureEngineAsync(target, id, path, rewrite, checks, run));
        }

        _results.Add(new ScenarioResult(section, name, "engine alone", runs));
    }

    private async Task<Measurement> MeasureEngineAsync(TargetProcess target, string id, string path, string rewrite, string checks, int run)
    {
        var load = ProcStatus.LoadAverage();
        var benchDll = typeof(BenchmarkSuite).Assembly.Location;
        await using var child = ChildProcess.Start("dotnet",
        [
            benchDll, "engine-scan", "--url", target.Url(path).AbsoluteUri, "--rewrite", rewrite, "--checks", checks,
            "--concurrency", _concurrency.ToString(CultureInfo.InvariantCulture), "--warmup",
            "--target-pid", target.Pid.ToString(CultureInfo.InvariantCulture),
        ]);
        var exit = await child.WaitForExitAsync(TimeSpan.FromMinutes(15));
        var line = child.Output.Split('\n').FirstOrDefault(l => l.StartsWith(EngineScanResult.Marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"engine-scan {id} failed (exit {exit}):\n{child.Output}");
        var result = JsonSerializer.Deserialize<EngineScanResult>(line[EngineScanResult.Marker.Length..], BenchJson.Options)!;
        var values = new Dictionary<string, double>
        {
            [Columns.RequestsPerSecond] = result.RequestsPerSecond,
            [Columns.Seconds] = result.Seconds,
            [Columns.Requests] = result.Requests,
            [Columns.Pages] = result.Crawled,
            [Columns.PeakWorkingSet] = result.PeakWorkingSetMb,
            [Columns.PeakGcHeap] = result.PeakGcHeapMb,
            [Columns.P50] = result.LatencyP50Ms,
            [Columns.P90] = result.LatencyP90Ms,
            [Columns.P99] = result.LatencyP99Ms,
            [Columns.Concurrency] = result.SettledConcurrency,
            [Columns.AllocatedPerRequest] = result.AllocatedKbPerRequest,
            [Columns.GcPause] = result.GcPausePercent,
        };
        // CPU is measured by the child around the scan itself (its warm-up excluded): scanner, target and whole machine.
        CpuWindow.Add(values, result.Requests, result.Seconds, TimeSpan.FromSeconds(result.CpuSeconds),
            TimeSpan.FromSeconds(result.TargetCpuSeconds), TimeSpan.FromSeconds(result.MachineBusySeconds));
        Log($"  {id} run {run}: {result.Requests} requests in {result.Seconds:F2} s = {result.RequestsPerSecond:F0} req/s, " +
            $"{result.Crawled} pages, {result.Findings} findings, peak WS {result.PeakWorkingSetMb:F0} MB, {result.Outcome} (load {load})");
        Log($"    GC: {result.AllocatedKbPerRequest:F0} KB allocated per request, {result.Collections}, paused {result.GcPausePercent:F1}% of the scan");
        Log($"    progress (time:requests:concurrency): {result.Timeline}");
        return new Measurement(values, load);
    }

    private async Task WaitForQuietAsync()
    {
        var maxLoad = args.GetDouble("max-load", 1.0);
        var deadline = Stopwatch.StartNew();
        var maxWait = TimeSpan.FromSeconds(args.GetInt("max-wait-s", 300));
        while (ProcStatus.Load1() > maxLoad && deadline.Elapsed < maxWait)
        {
            Log($"load average {ProcStatus.LoadAverage()} > {maxLoad}: waiting for the machine to quieten");
            await Task.Delay(TimeSpan.FromSeconds(15));
        }

        Log($"starting at load average {ProcStatus.LoadAverage()}");
    }

    private static void Log(string message) =>
        Console.WriteLine($"[{TimeProvider.System.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");
}
