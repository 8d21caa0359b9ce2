namespace Harrier.Engine.Http;

/// <summary>Latency samples of one measurement window of <see cref="AdaptiveConcurrencyLimiter"/>; not thread-safe.</summary>
internal sealed class ConcurrencyWindow
{
    private TimeSpan _totalLatency;

    public int Count { get; private set; }

    public long StartTimestamp { get; private set; }

    /// <summary>A request had to wait for a slot during the window, so more concurrency could have been used.</summary>
    public bool Saturated { get; set; }

    public TimeSpan MeanLatency => Count == 0 ? TimeSpan.Zero : _totalLatency / Count;

    public void Add(TimeSpan latency)
    {
        Count++;
        _totalLatency += latency;
    }

    public void Reset(long startTimestamp)
    {
        Count = 0;
        _totalLatency = TimeSpan.Zero;
        Saturated = false;
        StartTimestamp = startTimestamp;
    }
}
