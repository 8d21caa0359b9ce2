namespace Harrier.Bench;

/// <summary>One scanner's run against a fresh TestTargets: its findings, wall time and the requests the target counted.</summary>
internal sealed record ScannerRun(string Scanner, string Version, TimeSpan WallTime, long Requests, int ExitCode, IReadOnlyList<DetectedFinding> Findings, string Load);
