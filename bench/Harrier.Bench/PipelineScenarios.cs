using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Harrier.TestTargets;

namespace Harrier.Bench;

/// <summary>
/// The real pipeline: <c>harrier serve</c> (Release, 2 in-process agents, SQLite) driven through the Invicti API.
/// Launch latency uses an in-process target whose request hook timestamps the first request of each scan; full scans
/// use a standalone target process, as the engine-alone runs do.
/// </summary>
internal sealed class PipelineScenarios(
    HarrierServerProcess server, string targetDll, int pages, int concurrency, int runs, Action<string> log)
{
    private const string Section = "Real pipeline: harrier serve + 2 agents + SQLite";
    private static readonly HashSet<string> s_terminal = ["Complete", "Failed", "Cancelled"];

    public async Task<ScenarioResult> LaunchLatencyAsync(int launches)
    {
        var firstSeen = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions
        {
            GeneratedPages = pages,
            OnRequest = (_, pathAndQuery) => firstSeen.TryAdd(pathAndQuery, Stopwatch.GetTimestamp()),
        });

        var measurements = new List<Measurement>();
        for (var i = 1; i <= launches; i++)
        {
            var load = ProcStatus.LoadAverage();
            var pathAndQuery = $"/gen/?launch={i}";
            var beforePost = Stopwatch.GetTimestamp();
            var id = await server.LaunchAsync(new JsonObject
            {
                ["TargetUri"] = target.GetUrl(pathAndQuery).AbsoluteUri,
                ["Scope"] = "OnlyEnteredUrl",
            });
            var created = Stopwatch.GetTimestamp();
            double? toScanning = null;
            var state = "Queued";
            var deadline = Stopwatch.StartNew();
            while (!s_terminal.Contains(state) && deadline.Elapsed < TimeSpan.FromSeconds(120))
            {
                (state, _) = await server.StatusAsync(id);
                if (toScanning is null && state != "Queued")
                {
                    toScanning = Stopwatch.GetElapsedTime(created).TotalMilliseconds;
                }

                await Task.Delay(toScanning is null ? 5 : 50);
            }

            var values = new Dictionary<string, double>
            {
                [Columns.LaunchPost] = Stopwatch.GetElapsedTime(beforePost, created).TotalMilliseconds,
                [Columns.ToScanning] = toScanning ?? double.NaN,
                [Columns.ToFirstRequest] = firstSeen.TryGetValue(pathAndQuery, out var first)
                    ? Stopwatch.GetElapsedTime(created, first).TotalMilliseconds
                    : double.NaN,
            };
            log($"  launch {i}: 201→Scanning {values[Columns.ToScanning]:F0} ms, 201→first request {values[Columns.ToFirstRequest]:F0} ms, ended {state} (load {load})");
            measurements.Add(new Measurement(values, load));
        }

        return new ScenarioResult(Section, $"{launches} sequential launches (scans/new, default policy, idle agents)", "pipeline", measurements,
            "One row per launch; the scan runs to its end before the next launch. State polled every 5 ms; the first request is timestamped in the target.");
    }

    public async Task<IReadOnlyList<ScenarioResult>> FullScansAsync()
    {
        var policy = await server.CreatePolicyAsync("bench-unlimited-" + Guid.NewGuid().ToString("N")[..8], concurrency, requestsPerSecond: 0);
        await using var target = await TargetProcess.StartAsync(targetDll, pages, delayMs: 0);
        log($"pipeline target at {target.BaseUrl} (pid {target.Pid}); policy {policy}: {concurrency} connections, no rate limit");
        return
        [
            await FullScanAsync(target, policy, "None", "scan /gen/ (10k pages), URL rewrite None, all checks, policy 64 conn / 0 rps"),
            await FullScanAsync(target, policy, "Heuristic", "scan /gen/ (10k pages), URL rewrite Heuristic (default), all checks, policy 64 conn / 0 rps"),
        ];
    }

    private async Task<ScenarioResult> FullScanAsync(TargetProcess target, Guid policy, string rewriteMode, string name)
    {
        var measurements = new List<Measurement>();
        for (var run = 1; run <= runs; run++)
        {
            var load = ProcStatus.LoadAverage();
            ProcStatus.ResetPeak(server.Pid);
            var cpu = new CpuWindow(() => ProcStatus.CpuTime(server.Pid) ?? TimeSpan.Zero, () => target.CpuTime);
            var id = await server.LaunchAsync(new JsonObject
            {
                ["TargetUri"] = target.Url("/gen/").AbsoluteUri,
                ["Scope"] = "EnteredPathAndBelow",
                ["PolicyId"] = policy.ToString(),
                ["UrlRewriteMode"] = rewriteMode,
            });
            var created = Stopwatch.GetTimestamp();
            long? scanningAt = null;
            var state = "Queued";
            var steps = 0;
            long peakRss = 0;
            while (!s_terminal.Contains(state) && Stopwatch.GetElapsedTime(created) < TimeSpan.FromMinutes(15))
            {
                (state, steps) = await server.StatusAsync(id);
                scanningAt ??= state != "Queued" ? Stopwatch.GetTimestamp() : null;
                peakRss = Math.Max(peakRss, ProcStatus.ResidentBytes(server.Pid) ?? 0);
                await Task.Delay(50);
            }

            var ended = Stopwatch.GetTimestamp();
            var scanSeconds = Stopwatch.GetElapsedTime(scanningAt ?? created, ended).TotalSeconds;
            var hwm = ProcStatus.PeakResidentBytes(server.Pid) ?? peakRss;
            var values = new Dictionary<string, double>
            {
                [Columns.RequestsPerSecond] = steps / scanSeconds,
                [Columns.Seconds] = Stopwatch.GetElapsedTime(created, ended).TotalSeconds,
                [Columns.Requests] = steps,
                [Columns.PeakWorkingSet] = Math.Max(hwm, peakRss) / 1048576.0,
            };
            cpu.AddTo(values, steps, scanSeconds);
            log($"  pipeline {rewriteMode} run {run}: {state}, {steps} requests, {values[Columns.Seconds]:F2} s total, " +
                $"{values[Columns.RequestsPerSecond]:F0} req/s, peak RSS {values[Columns.PeakWorkingSet]:F0} MB (load {load})");
            measurements.Add(new Measurement(values, load));
        }

        return new ScenarioResult(Section, name, "pipeline", measurements,
            "req/s = CompletedSteps over the time from State Scanning to a terminal state (polled every 50 ms); time = from the 201 to the end; "
            + "peak WS = the harrier serve process's VmHWM (reset before each scan), so it includes the API server.");
    }
}
