using System.Diagnostics.Metrics;

namespace Harrier.Bench;

/// <summary>Collects every <c>http.client.request.duration</c> measurement of this process (seconds, from System.Net.Http).</summary>
internal sealed class LatencyRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<double> _seconds = [];
    private readonly Lock _lock = new();

    public LatencyRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (_lock)
            {
                _seconds.Add(value);
            }
        });
        _listener.Start();
    }

    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _seconds.Count;
            }
        }
    }

    public (double P50, double P90, double P99) Percentiles()
    {
        double[] sorted;
        lock (_lock)
        {
            sorted = [.. _seconds];
        }

        Array.Sort(sorted);
        return (Stats.Percentile(sorted, 0.50) * 1000, Stats.Percentile(sorted, 0.90) * 1000, Stats.Percentile(sorted, 0.99) * 1000);
    }

    public void Dispose() => _listener.Dispose();
}
