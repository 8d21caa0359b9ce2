namespace Harrier.Bench;

internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms)
{
    public long Requests { get; init; }

    /// <summary>Responses outside 2xx/3xx (wrk's count); a load run with any of them is not a valid figure.</summary>
    public long Non2xx { get; init; }

    public long SocketErrors { get; init; }
}
