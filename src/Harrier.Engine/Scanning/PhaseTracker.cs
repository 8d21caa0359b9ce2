using Harrier.Core.Scans;

namespace Harrier.Engine.Scanning;

/// <summary>Reports phase changes to the sink in order, each phase once, never going back.</summary>
internal sealed class PhaseTracker(IScanSink sink) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public ScanTaskPhase Current { get; private set; } = ScanTaskPhase.Pending;

    public async ValueTask AdvanceAsync(ScanTaskPhase phase, CancellationToken cancellationToken)
    {
        if (phase <= Current)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (phase > Current)
            {
                Current = phase;
                await sink.PhaseChangedAsync(phase, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
