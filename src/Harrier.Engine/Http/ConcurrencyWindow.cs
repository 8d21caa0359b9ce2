namespace Harrier.Engine.Http;

/// <summary>Latency samples of one measurement window of <see cref="AdaptiveConcurrencyLimiter"/>; not thread-safe.</summary>
internal sealed class ConcurrencyWindow
{
    private TimeSpan _totalLatency;
    private long _totalInFlight;

    public int Count { get; private set; }

    public long StartTimestamp { get; private set; }

    /// <summary>A request had to wait for a slot during the window, so more concurrency could have been used.</summary>
    public bool Saturated { get; set; }

    public TimeSpan MeanLatency => Count == 0 ? TimeSpan.Zero : _totalLatency / Count;

    /// <summary>Requests in flight when each sample completed (itself included), averaged.</summary>
    public double MeanInFlight => Count == 0 ? 0 : (double)_totalInFlight / Count;

    /// <summary>
    /// Throughput by Little's law (requests in flight ÷ latency). Counting completions over elapsed time is too noisy
    /// for a few requests that finish in batches; this estimate grows with concurrency exactly when latency holds.
    /// </summary>
    public double Throughput => MeanLatency <= TimeSpan.Zero ? 0 : MeanInFlight / MeanLatency.TotalSeconds;

    public void Add(TimeSpan latency, int inFlight)
    {
        Count++;
        _totalLatency += latency;
        _totalInFlight += inFlight;
    }

    public void Reset(long startTimestamp)
    {
        Count = 0;
        _totalLatency = TimeSpan.Zero;
        _totalInFlight = 0;
        Saturated = false;
        StartTimestamp = startTimestamp;
    }
}
