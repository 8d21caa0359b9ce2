namespace Harrier.Engine.Http;

/// <summary>Spaces requests evenly to at most <c>requestsPerSecond</c>; 0 means unlimited. Time comes from the injected <see cref="TimeProvider"/>.</summary>
internal sealed class RequestRateLimiter(int requestsPerSecond, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly TimeSpan _interval = requestsPerSecond > 0 ? TimeSpan.FromSeconds(1.0 / requestsPerSecond) : TimeSpan.Zero;
    private readonly long _startTimestamp = timeProvider.GetTimestamp();
    private TimeSpan _nextSlot = TimeSpan.Zero;

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_interval == TimeSpan.Zero)
        {
            return;
        }

        TimeSpan delay;
        lock (_lock)
        {
            var now = timeProvider.GetElapsedTime(_startTimestamp);
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + _interval;
            delay = slot - now;
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
