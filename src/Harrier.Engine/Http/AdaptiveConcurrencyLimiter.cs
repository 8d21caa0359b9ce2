namespace Harrier.Engine.Http;

/// <summary>
/// Limits requests in flight to a limit that follows the target. It starts modest, grows while throughput grows and
/// latency holds — doubling at first (slow start, as TCP does) and by half steps once a raise has failed — halves on
/// overload signals (timeouts, refused or reset connections, 429, 503) and steps down on latency spikes. It never
/// exceeds the policy's cap and never goes below one.
/// </summary>
internal sealed class AdaptiveConcurrencyLimiter
{
    private static readonly TimeSpan s_spikeAllowance = TimeSpan.FromMilliseconds(50);

    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _max;
    private readonly ConcurrencyWindow _window = new();
    private int _limit;
    private int _inFlight;
    private int _limitBeforeIncrease;
    private int _holdWindows;
    private double _previousThroughput;
    private TimeSpan? _baselineLatency;
    private int _completionsSinceDecrease;
    private bool _slowStart = true;

    public AdaptiveConcurrencyLimiter(int initial, int max, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        _max = max;
        _limit = Math.Clamp(initial, 1, max);
        _timeProvider = timeProvider;
        _window.Reset(timeProvider.GetTimestamp());
    }

    public int CurrentLimit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Waits for a free slot. Every successful call must be matched by one <see cref="Release"/>.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (_inFlight < _limit)
            {
                _inFlight++;
                return;
            }

            _window.Saturated = true;
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.Register(() => Cancel(node)))
        {
            await waiter.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Frees a slot and feeds the outcome of the request into the limit.</summary>
    public void Release(TimeSpan latency, bool overloaded)
    {
        lock (_lock)
        {
            _completionsSinceDecrease++;
            if (overloaded)
            {
                OnOverload();
            }
            else
            {
                _window.Add(latency, _inFlight);
                if (_window.Count >= Math.Max(8, 2 * _limit))
                {
                    Adjust();
                }
            }

            _inFlight--;
            WakeWaiters();
        }
    }

    private void OnOverload()
    {
        // One halving per round of in-flight requests: a burst of failures from the same overload counts once.
        if (_completionsSinceDecrease < _limit && _limit > 1)
        {
            return;
        }

        _limit = Math.Max(1, _limit / 2);
        _slowStart = false;
        _completionsSinceDecrease = 0;
        _holdWindows = 4;
        _previousThroughput = 0;
        _window.Reset(_timeProvider.GetTimestamp());
    }

    private void Adjust()
    {
        var now = _timeProvider.GetTimestamp();
        var meanLatency = _window.MeanLatency;
        var throughput = _window.Throughput;
        var saturated = _window.Saturated;
        _window.Reset(now);

        if (_baselineLatency is null || meanLatency < _baselineLatency)
        {
            _baselineLatency = meanLatency;
        }

        if (meanLatency > (_baselineLatency.Value * 2) + s_spikeAllowance)
        {
            _limit = Math.Max(1, _limit - Math.Max(1, _limit / 4));
            _slowStart = false;
            _holdWindows = 2;
            _previousThroughput = 0;
            return;
        }

        if (_limitBeforeIncrease > 0)
        {
            // The last window ran at a raised limit: keep it only if throughput grew by at least 10%.
            if (throughput < _previousThroughput * 1.1)
            {
                _limit = _limitBeforeIncrease;
                _slowStart = false;
                _holdWindows = 8;
            }

            _limitBeforeIncrease = 0;
            _previousThroughput = throughput;
            return;
        }

        _previousThroughput = throughput;
        if (_holdWindows > 0)
        {
            _holdWindows--;
            return;
        }

        if (saturated && throughput > 0 && _limit < _max)
        {
            _limitBeforeIncrease = _limit;
            _limit = Math.Min(_max, _limit + (_slowStart ? _limit : Math.Max(1, _limit / 2)));
        }
    }

    private void WakeWaiters()
    {
        while (_inFlight < _limit && _waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            if (first.Value.TrySetResult())
            {
                _inFlight++;
            }
        }
    }

    private void Cancel(LinkedListNode<TaskCompletionSource> node)
    {
        lock (_lock)
        {
            if (node.List is null)
            {
                return;
            }

            _waiters.Remove(node);
        }

        node.Value.TrySetCanceled();
    }
}
