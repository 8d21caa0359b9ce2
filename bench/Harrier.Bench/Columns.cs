namespace Harrier.Bench;

/// <summary>The figures a run can report, in table order.</summary>
internal static class Columns
{
    public const string RequestsPerSecond = "req/s";
    public const string Seconds = "time s";
    public const string Requests = "requests";
    public const string Pages = "pages crawled";
    public const string PeakWorkingSet = "peak WS MB";
    public const string PeakGcHeap = "peak GC heap MB";
    public const string P50 = "p50 ms";
    public const string P90 = "p90 ms";
    public const string P99 = "p99 ms";
    public const string Concurrency = "settled conc.";
    public const string ScannerCpuPerRequest = "scanner CPU µs/req";
    public const string TargetCpuPerRequest = "target CPU µs/req";
    public const string ScannerCores = "scanner cores";
    public const string OtherCores = "others' cores";
    public const string AllocatedPerRequest = "alloc KB/req";
    public const string GcPause = "GC pause %";
    public const string RatioToWrk = "% of wrk";
    public const string ToFirstRequest = "201→first request ms";
    public const string ToScanning = "201→Scanning ms";
    public const string LaunchPost = "POST scans/new ms";

    public static IReadOnlyList<string> Order { get; } =
    [
        RequestsPerSecond, RatioToWrk, Seconds, Requests, Pages, PeakWorkingSet, PeakGcHeap, P50, P90, P99, Concurrency,
        ScannerCpuPerRequest, TargetCpuPerRequest, AllocatedPerRequest, GcPause, ScannerCores, OtherCores, LaunchPost, ToScanning, ToFirstRequest,
    ];
}
