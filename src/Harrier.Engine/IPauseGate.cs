namespace Harrier.Engine;

/// <summary>
/// Awaited in the send path before every request. The Agent implements pause and time windows with it:
/// while the task it returns is pending nothing is sent, and the scan continues where it stopped.
/// </summary>
public interface IPauseGate
{
    ValueTask WaitWhilePausedAsync(CancellationToken cancellationToken);
}
