using Harrier.Engine.Http;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Engine.Tests.Http;

public sealed class AdaptiveConcurrencyLimiterTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acquire_BlocksAtTheLimit_UntilReleased()
    {
        var limiter = new AdaptiveConcurrencyLimiter(2, 10, new FakeTimeProvider());
        await limiter.AcquireAsync(Token);
        await limiter.AcquireAsync(Token);

        var third = limiter.AcquireAsync(Token).AsTask();
        Assert.False(third.IsCompleted);
        limiter.Release(TimeSpan.FromMilliseconds(5), overloaded: false);

        await third;
        Assert.Equal(2, limiter.InFlight);
    }

    [Fact]
    public async Task Limit_GrowsWithThroughput_ButNeverAboveCap()
    {
        // Arrange: every window completes faster than the one before, so throughput keeps growing.
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveConcurrencyLimiter(2, 6, time);

        // Act
        for (var round = 0; round < 200; round++)
        {
            var limit = limiter.CurrentLimit;
            var slots = Enumerable.Range(0, limit + 1).Select(_ => limiter.AcquireAsync(Token).AsTask()).ToList();
            time.Advance(TimeSpan.FromMilliseconds(10.0 / limit));
            for (var i = 0; i < limit + 1; i++)
            {
                limiter.Release(TimeSpan.FromMilliseconds(1), overloaded: false);
            }

            await Task.WhenAll(slots);
            Assert.InRange(limiter.CurrentLimit, 1, 6);
        }

        // Assert
        Assert.True(limiter.CurrentLimit > 2, "limit " + limiter.CurrentLimit);
    }

    [Fact]
    public async Task Limit_ReachesTheCapQuickly_WhenLatencyHolds()
    {
        // A slow but unloaded target: 50 ms per request whatever the concurrency, so every raise pays off.
        var (limiter, rounds) = await RunAsync(latencyFor: _ => TimeSpan.FromMilliseconds(50), cap: 64, rounds: 40);

        Assert.Equal(64, limiter.CurrentLimit);
        Assert.True(rounds.IndexOf(64) is >= 0 and <= 25, "rounds to the cap: " + rounds.IndexOf(64));
    }

    [Fact]
    public async Task Limit_StaysLow_WhenLatencyGrowsWithConcurrency()
    {
        // A target that serves one request at a time: latency grows with every request in flight, throughput does not.
        var (limiter, _) = await RunAsync(latencyFor: limit => TimeSpan.FromMilliseconds(20 * limit), cap: 64, rounds: 60);

        Assert.InRange(limiter.CurrentLimit, 1, 4);
    }

    /// <summary>Runs saturated rounds: every slot busy plus a waiter, all completing after <paramref name="latencyFor"/>(limit).</summary>
    private static async Task<(AdaptiveConcurrencyLimiter Limiter, List<int> Limits)> RunAsync(Func<int, TimeSpan> latencyFor, int cap, int rounds)
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveConcurrencyLimiter(2, cap, time);
        var limits = new List<int>();
        for (var round = 0; round < rounds; round++)
        {
            var limit = limiter.CurrentLimit;
            var latency = latencyFor(limit);
            var slots = Enumerable.Range(0, limit + 1).Select(_ => limiter.AcquireAsync(Token).AsTask()).ToList();
            time.Advance(latency);
            for (var i = 0; i < limit + 1; i++)
            {
                limiter.Release(latency, overloaded: false);
            }

            await Task.WhenAll(slots);
            limits.Add(limiter.CurrentLimit);
        }

        return (limiter, limits);
    }

    [Fact]
    public async Task Limit_Halves_OnOverload()
    {
        var limiter = new AdaptiveConcurrencyLimiter(8, 8, new FakeTimeProvider());
        for (var i = 0; i < 8; i++)
        {
            await limiter.AcquireAsync(Token);
        }

        for (var i = 0; i < 8; i++)
        {
            limiter.Release(TimeSpan.FromSeconds(1), overloaded: true);
        }

        Assert.Equal(4, limiter.CurrentLimit);
    }

    [Fact]
    public async Task Acquire_Cancelled_DoesNotTakeASlot()
    {
        var limiter = new AdaptiveConcurrencyLimiter(1, 1, new FakeTimeProvider());
        await limiter.AcquireAsync(Token);
        using var cts = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        limiter.Release(TimeSpan.Zero, overloaded: false);
        Assert.Equal(0, limiter.InFlight);
    }
}
