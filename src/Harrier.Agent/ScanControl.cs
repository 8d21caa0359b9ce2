using Harrier.Core.Scans;
using Harrier.Engine;
using Harrier.Storage.Queue;

namespace Harrier.Agent;

/// <summary>
/// Watches a running scan's row and steers the engine: pause and resume through the engine's pause gate
/// (acknowledged as <c>Paused</c>/<c>Scanning</c>), the time window (<c>Delayed</c> outside it), and cancel or
/// delete through cancellation. It also renews the lease. Runs until the scan ends or the agent loses it.
/// </summary>
internal sealed class ScanControl(
    Guid scanId, AgentIdentity agent, ScanTimeWindow? window, TimeZoneInfo ownerZone,
    ScanLeases leases, AgentOptions options, TimeProvider time)
{
    private readonly PauseGate _gate = Closed();

    public IPauseGate Gate => _gate;

    /// <summary>Loops until <paramref name="stop"/>; cancels <paramref name="scan"/> when the user cancels or the lease is lost.</summary>
    public async Task RunAsync(CancellationTokenSource scan, CancellationToken stop)
    {
        var lastRenewal = time.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            var renew = time.GetElapsedTime(lastRenewal) >= options.HeartbeatInterval;
            var state = renew
                ? await leases.HeartbeatAsync(scanId, agent, options.LeaseDuration, stop).ConfigureAwait(false)
                : await leases.ReadStateAsync(scanId, agent, stop).ConfigureAwait(false);
            if (renew)
            {
                lastRenewal = time.GetTimestamp();
            }

            if (state is null or ScanTaskState.Cancelled or ScanTaskState.Failed or ScanTaskState.Complete)
            {
                await scan.CancelAsync().ConfigureAwait(false);
                return;
            }

            await ApplyAsync(state.Value, stop).ConfigureAwait(false);
            await Task.Delay(options.ControlPollInterval, time, stop).ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(ScanTaskState state, CancellationToken cancellationToken)
    {
        var allowed = window?.IsScanningAllowed(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ownerZone).DateTime) ?? true;
        switch (state)
        {
            case ScanTaskState.Pausing:
                _gate.Pause();
                await leases.TransitionAsync(scanId, agent, ScanTaskState.Pausing, ScanTaskState.Paused, cancellationToken).ConfigureAwait(false);
                break;
            case ScanTaskState.Resuming:
                await ResumeIfAllowedAsync(ScanTaskState.Resuming, allowed, cancellationToken).ConfigureAwait(false);
                break;
            case ScanTaskState.Delayed when allowed:
                await ResumeIfAllowedAsync(ScanTaskState.Delayed, allowed, cancellationToken).ConfigureAwait(false);
                break;
            case ScanTaskState.Scanning when !allowed:
                _gate.Pause();
                await leases.TransitionAsync(scanId, agent, ScanTaskState.Scanning, ScanTaskState.Delayed, cancellationToken).ConfigureAwait(false);
                break;
            case ScanTaskState.Paused or ScanTaskState.Delayed:
                _gate.Pause();
                break;
            default:
                _gate.Resume();
                break;
        }
    }

    /// <summary>Nothing is sent until the first look at the scan's state and time window has opened the gate.</summary>
    private static PauseGate Closed()
    {
        var gate = new PauseGate();
        gate.Pause();
        return gate;
    }

    private async Task ResumeIfAllowedAsync(ScanTaskState from, bool allowed, CancellationToken cancellationToken)
    {
        var to = allowed ? ScanTaskState.Scanning : ScanTaskState.Delayed;
        if (await leases.TransitionAsync(scanId, agent, from, to, cancellationToken).ConfigureAwait(false) && allowed)
        {
            _gate.Resume();
        }
    }
}
