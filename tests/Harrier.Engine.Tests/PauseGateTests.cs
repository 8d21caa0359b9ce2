namespace Harrier.Engine.Tests;

public sealed class PauseGateTests
{
    [Fact]
    public async Task Wait_BlocksWhilePaused_AndReleasesOnResume()
    {
        var gate = new PauseGate();
        await gate.WaitWhilePausedAsync(TestContext.Current.CancellationToken);

        gate.Pause();
        var waiting = gate.WaitWhilePausedAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(waiting.IsCompleted);
        gate.Resume();

        await waiting;
        Assert.False(gate.IsPaused);
    }

    [Fact]
    public async Task Wait_Cancelled_Throws()
    {
        var gate = new PauseGate();
        gate.Pause();
        using var cts = new CancellationTokenSource();

        var waiting = gate.WaitWhilePausedAsync(cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
