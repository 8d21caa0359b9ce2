using System.Diagnostics;
using System.Text.Json;
using Harrier.Core.Scans;
using Harrier.Engine;

namespace Harrier.Bench;

/// <summary>
/// Child mode <c>engine-scan</c>: runs one scan with <see cref="ScanEngine"/> alone (no server, no storage) in a fresh
/// process, so the process's peak working set is the engine's, and prints one JSON line with the result.
/// Latency comes from the runtime's own <c>http.client.request.duration</c> histogram (System.Net.Http meter).
/// </summary>
internal static class EngineScanCommand
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var url = args.Get("url") ?? throw new ArgumentException("engine-scan needs --url");
        var rewrite = args.Get("rewrite") == "none" ? UrlRewriteMode.None : UrlRewriteMode.Heuristic;
        var concurrency = args.GetInt("concurrency", 64);
        var checks = args.Get("checks") ?? "all";
        var policy = new EnginePolicy
        {
            MaxConcurrency = concurrency,
            RequestsPerSecond = 0,
            MaxCrawlRequests = args.GetInt("max-crawl", 20_000),
            EnabledCheckIds = checks == "none" ? new HashSet<string>() : null,
        };
        var configuration = new ScanConfiguration
        {
            TargetUrl = url,
            Scope = ScanTaskScope.EnteredPathAndBelow,
            UrlRewrite = new UrlRewriteSettings { Mode = rewrite },
            MaxScanDuration = 0,
        };

        var engine = new ScanEngine(TimeProvider.System);
        if (args.Get("warmup") is not null)
        {
            // JIT and tiering warm-up on a short crawl of the same site, so the figures are an agent's steady state.
            await engine.RunAsync(new ScanRequest(Guid.NewGuid(), configuration, policy with { MaxCrawlRequests = 3000 }, _ => string.Empty, PauseGate.AlwaysOpen),
                new CountingSink(), CancellationToken.None);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        using var latencies = new LatencyRecorder();
        using var memory = MemorySampler.Start();
        var sink = new CountingSink();
        var targetPid = args.GetInt("target-pid", 0);
        var targetCpuBefore = targetPid > 0 ? ProcStatus.CpuTime(targetPid) ?? TimeSpan.Zero : TimeSpan.Zero;
        var machineBefore = MachineCpu.Busy();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var pauseBefore = GC.GetTotalPauseDuration();
        var gen0Before = GC.CollectionCount(0);
        var gen2Before = GC.CollectionCount(2);
        var stopwatch = Stopwatch.StartNew();
        var outcome = await engine.RunAsync(
            new ScanRequest(Guid.NewGuid(), configuration, policy, _ => string.Empty, PauseGate.AlwaysOpen), sink, CancellationToken.None);
        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var machine = MachineCpu.Busy() - machineBefore;
        var targetCpu = targetPid > 0 ? (ProcStatus.CpuTime(targetPid) ?? TimeSpan.Zero) - targetCpuBefore : TimeSpan.Zero;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        var gcs = $"{GC.CollectionCount(0) - gen0Before} GCs ({GC.CollectionCount(2) - gen2Before} gen2)";
        var peak = await memory.StopAsync();
        var percentiles = latencies.Percentiles();

        var result = new EngineScanResult(
            outcome.Kind.ToString(),
            outcome.RequestsSent,
            stopwatch.Elapsed.TotalSeconds,
            outcome.RequestsSent / stopwatch.Elapsed.TotalSeconds,
            sink.Crawled,
            sink.Findings,
            outcome.SettledConcurrency,
            cpu.TotalSeconds,
            peak.PeakWorkingSetBytes / 1048576.0,
            peak.PeakGcHeapBytes / 1048576.0,
            percentiles.P50,
            percentiles.P90,
            percentiles.P99,
            latencies.Count,
            sink.Timeline,
            allocated / (double)Math.Max(1, outcome.RequestsSent) / 1024,
            100 * pause.TotalSeconds / stopwatch.Elapsed.TotalSeconds,
            gcs,
            targetCpu.TotalSeconds,
            machine.TotalSeconds);
        Console.WriteLine(EngineScanResult.Marker + JsonSerializer.Serialize(result, BenchJson.Options));
        return outcome.Kind == ScanOutcomeKind.Completed ? 0 : 1;
    }
}
