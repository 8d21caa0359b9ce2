namespace Harrier.Bench;

/// <summary>What one engine-alone scan measured; printed by the child as one JSON line after <see cref="Marker"/>.</summary>
internal sealed record EngineScanResult(
    string Outcome,
    long Requests,
    double Seconds,
    double RequestsPerSecond,
    long Crawled,
    long Findings,
    int SettledConcurrency,
    double CpuSeconds,
    double PeakWorkingSetMb,
    double PeakGcHeapMb,
    double LatencyP50Ms,
    double LatencyP90Ms,
    double LatencyP99Ms,
    long LatencySamples,
    string Timeline,
    double AllocatedKbPerRequest,
    double GcPausePercent,
    string Collections,
    double TargetCpuSeconds,
    double MachineBusySeconds)
{
    public const string Marker = "BENCH-RESULT ";
}
