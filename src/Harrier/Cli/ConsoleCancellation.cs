using System.Runtime.InteropServices;

namespace Harrier.Cli;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancelled token, so a command can stop its scan, clean up and exit;
/// a second Ctrl-C terminates at once. <c>serve</c> does not use the token: its host stops on the same signals.
/// </summary>
internal sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration? _sigterm;
    private int _exitCode = ExitCodes.Interrupted;

    public ConsoleCancellation()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        if (!OperatingSystem.IsWindows())
        {
            _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSigterm);
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>130 after Ctrl-C, 143 after SIGTERM.</summary>
    public int ExitCode => _exitCode;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _sigterm?.Dispose();
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        e.Cancel = true;
        Cancel(ExitCodes.Interrupted);
    }

    private void OnSigterm(PosixSignalContext context)
    {
        context.Cancel = true;
        Cancel(ExitCodes.Terminated);
    }

    /// <summary>
    /// Cancels on the thread pool, not inside the signal handler: the command's cleanup (stopping an in-process host,
    /// which unregisters that host's own signal handlers) must not run while the runtime is still dispatching the signal.
    /// </summary>
    private void Cancel(int exitCode)
    {
        _exitCode = exitCode;
        ThreadPool.QueueUserWorkItem(static source =>
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The command already finished.
            }
        }, _source, preferLocal: false);
    }
}
