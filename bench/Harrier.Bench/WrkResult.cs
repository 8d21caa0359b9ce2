namespace Harrier.Bench;

internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms);
