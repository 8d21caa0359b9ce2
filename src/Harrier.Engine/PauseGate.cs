namespace Harrier.Engine;

/// <summary>A ready-made <see cref="IPauseGate"/>: open until <see cref="Pause"/>, open again after <see cref="Resume"/>.</summary>
public sealed class PauseGate : IPauseGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _paused;

    /// <summary>A gate that is never closed.</summary>
    public static IPauseGate AlwaysOpen { get; } = new PauseGate();

    public bool IsPaused
    {
        get
        {
            lock (_lock)
            {
                return _paused is not null;
            }
        }
    }

    public void Pause()
    {
        lock (_lock)
        {
            _paused ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Resume()
    {
        TaskCompletionSource? paused;
        lock (_lock)
        {
            paused = _paused;
            _paused = null;
        }

        paused?.TrySetResult();
    }

    public ValueTask WaitWhilePausedAsync(CancellationToken cancellationToken)
    {
        Task? wait;
        lock (_lock)
        {
            wait = _paused?.Task;
        }

        return wait is null ? ValueTask.CompletedTask : new ValueTask(wait.WaitAsync(cancellationToken));
    }
}
