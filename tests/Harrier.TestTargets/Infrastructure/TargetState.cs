using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Infrastructure;

/// <summary>Per-instance state shared by the endpoints. Never static: several targets can run in one process.</summary>
internal sealed class TargetState(TestTargetOptions options)
{
    private long _outsideRequestCount;

    public TestTargetOptions Options { get; } = options;

    public TimeProvider TimeProvider => Options.TimeProvider;

    public SessionStore Sessions { get; } = new();

    public CommentStore VulnerableComments { get; } = new();

    public CommentStore SafeComments { get; } = new();

    /// <summary>Holes the admin surface marked fixed.</summary>
    public HoleSwitches Holes { get; } = new();

    /// <summary>Pages the admin surface added.</summary>
    public AddedPages AddedPages { get; } = new();

    public long OutsideRequestCount => Interlocked.Read(ref _outsideRequestCount);

    public void CountOutsideRequest() => Interlocked.Increment(ref _outsideRequestCount);

    /// <summary>A delay requested by a payload, clamped to [0, <see cref="TestTargetOptions.MaxInjectedDelay"/>].</summary>
    public Task InjectedDelayAsync(double seconds, CancellationToken cancellationToken)
    {
        if (!(seconds > 0))
        {
            return Task.CompletedTask;
        }

        var max = Options.MaxInjectedDelay;
        var delay = seconds >= max.TotalSeconds ? max : TimeSpan.FromSeconds(seconds);
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, TimeProvider, cancellationToken);
    }
}
