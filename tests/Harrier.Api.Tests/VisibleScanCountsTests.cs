using Harrier.Server.Scans;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Api.Tests;

public sealed class VisibleScanCountsTests
{
    private static readonly Guid s_alice = Guid.NewGuid();
    private static readonly Guid s_bob = Guid.NewGuid();
    private readonly FakeTimeProvider _time = new();
    private int _counted;

    private Task<int> CountAsync(int value)
    {
        _counted++;
        return Task.FromResult(value);
    }

    [Fact]
    public async Task KeepsACountForASecond_ThenCountsAgain()
    {
        var counts = new VisibleScanCounts(_time);

        Assert.Equal(5, await counts.GetAsync(s_alice, () => CountAsync(5)));
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(5, await counts.GetAsync(s_alice, () => CountAsync(6)));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(6, await counts.GetAsync(s_alice, () => CountAsync(6)));
        Assert.Equal(2, _counted);
    }

    [Fact]
    public async Task ForgetCountsAgainAtOnce_AndEachUserHasTheirOwnCount()
    {
        var counts = new VisibleScanCounts(_time);
        await counts.GetAsync(s_alice, () => CountAsync(5));
        await counts.GetAsync(s_bob, () => CountAsync(9));

        counts.Forget(s_alice);

        Assert.Equal(7, await counts.GetAsync(s_alice, () => CountAsync(7)));
        Assert.Equal(9, await counts.GetAsync(s_bob, () => CountAsync(1)));
        Assert.Equal(3, _counted);
    }
}
