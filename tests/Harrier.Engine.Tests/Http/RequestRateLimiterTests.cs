using Harrier.Engine.Http;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Engine.Tests.Http;

public sealed class RequestRateLimiterTests
{
    [Fact]
    public async Task Wait_SpacesRequestsToTheRate()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var limiter = new RequestRateLimiter(5, time);

        // Act
        var waits = Enumerable.Range(0, 20).Select(_ => limiter.WaitAsync(TestContext.Current.CancellationToken).AsTask()).ToList();
        var immediately = waits.Count(w => w.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = waits.Count(w => w.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3));
        await Task.WhenAll(waits);

        // Assert
        Assert.Equal(1, immediately);
        Assert.Equal(6, afterOneSecond);
    }

    [Fact]
    public async Task Wait_Unlimited_NeverWaits()
    {
        var limiter = new RequestRateLimiter(0, new FakeTimeProvider());

        for (var i = 0; i < 100; i++)
        {
            var wait = limiter.WaitAsync(TestContext.Current.CancellationToken).AsTask();
            Assert.True(wait.IsCompleted);
            await wait;
        }
    }
}
