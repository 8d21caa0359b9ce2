using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Harrier.Server.Authentication;

/// <summary>
/// Slows down token guessing: a client address with too many failed authentications in a window is refused
/// (429 with <c>Retry-After</c>) until the window ends, whatever credentials it sends meanwhile.
/// </summary>
internal sealed class FailedAuthenticationLimiter(IOptions<ApiOptions> options, TimeProvider time)
{
    private const int PruneThreshold = 10_000;
    private readonly ConcurrentDictionary<IPAddress, Window> _windows = new();

    /// <summary>Whether <paramref name="client"/> is refused now, and for how long.</summary>
    public bool IsBlocked(IPAddress? client, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (client is null || !_windows.TryGetValue(client, out var window))
        {
            return false;
        }

        var remaining = window.Start + options.Value.FailedAuthenticationWindow - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero || window.Failures < options.Value.FailedAuthenticationLimit)
        {
            return false;
        }

        retryAfter = remaining;
        return true;
    }

    public void RecordFailure(IPAddress? client)
    {
        if (client is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var length = options.Value.FailedAuthenticationWindow;
        _windows.AddOrUpdate(client, new Window(now, 1),
            (_, current) => now - current.Start >= length ? new Window(now, 1) : current with { Failures = current.Failures + 1 });
        if (_windows.Count > PruneThreshold)
        {
            foreach (var (address, window) in _windows)
            {
                if (now - window.Start >= length)
                {
                    _windows.TryRemove(address, out _);
                }
            }
        }
    }

    private sealed record Window(DateTimeOffset Start, int Failures);
}
