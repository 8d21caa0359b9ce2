namespace Harrier.Engine;

/// <summary>Live progress: <paramref name="CompletedSteps"/> counts requests sent, <paramref name="EstimatedSteps"/> is a running estimate.</summary>
public sealed record ScanProgress(long CompletedSteps, long EstimatedSteps, int CurrentConcurrency);
