using Harrier.Core.Scans;
using Harrier.Engine;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Harrier.Storage.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harrier.Agent;

/// <summary>Runs one claimed scan to its end: engine, storage sink and control loop, then records the outcome.</summary>
internal sealed class ScanExecution(
    IServiceScopeFactory scopes, ScanEngine engine, ISecretProtector secrets, AgentOptions options, EngineOptions limits, TimeProvider time, ILogger logger)
{
    public async Task RunAsync(ScanEntity scan, AgentIdentity agent, CancellationToken agentStopping)
    {
        await using var sinkScope = scopes.CreateAsyncScope();
        await using var controlScope = scopes.CreateAsyncScope();
        var db = sinkScope.ServiceProvider.GetRequiredService<HarrierDbContext>();
        var (policy, ownerZone) = await PolicyAndZoneAsync(db, scan, agentStopping).ConfigureAwait(false);
        var control = new ScanControl(scan.Id, agent, scan.Configuration.TimeWindow, ownerZone,
            controlScope.ServiceProvider.GetRequiredService<ScanLeases>(), options, time);

        using var scanCancel = CancellationTokenSource.CreateLinkedTokenSource(agentStopping);
        using var controlStop = new CancellationTokenSource();
        var controlLoop = control.RunAsync(scanCancel, controlStop.Token);
        var sink = new StoredScanSink(db, scan, time);
        await using (sink.ConfigureAwait(false))
        {
            var request = await BaseScanPlan.ApplyAsync(db, scan,
                new ScanRequest(scan.Id, scan.Configuration, policy, secrets.Unprotect, control.Gate), agentStopping).ConfigureAwait(false);
            var outcome = await engine.RunAsync(request, sink, scanCancel.Token).ConfigureAwait(false);
            await controlStop.CancelAsync().ConfigureAwait(false);
            await IgnoreCancellation(controlLoop).ConfigureAwait(false);
            await sink.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await RecordAsync(scan.Id, agent, outcome, agentStopping.IsCancellationRequested, CancellationToken.None).ConfigureAwait(false);
            AgentLog.Ended(logger, scan.Id, outcome.Kind, outcome.RequestsSent);
        }
    }

    private async Task RecordAsync(Guid scanId, AgentIdentity agent, ScanOutcome outcome, bool agentStopping, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<ScanLeases>();
        switch (outcome.Kind)
        {
            case ScanOutcomeKind.Cancelled when agentStopping:
                // The agent is shutting down, not the user cancelling: give the scan back to the queue at once.
                await leases.ReleaseAsync(scanId, agent, cancellationToken).ConfigureAwait(false);
                break;
            case ScanOutcomeKind.Cancelled:
                await leases.FinishAsync(scanId, agent, ScanTaskState.Cancelled, null, null, outcome.SettledConcurrency, cancellationToken).ConfigureAwait(false);
                break;
            case ScanOutcomeKind.Failed:
                await leases.FinishAsync(scanId, agent, ScanTaskState.Failed, outcome.FailureReason ?? ScanFailureReason.ErrorOccurredOnScanFailed,
                    outcome.FailureDescription, outcome.SettledConcurrency, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await leases.FinishAsync(scanId, agent, ScanTaskState.Complete, null, null, outcome.SettledConcurrency, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<(EnginePolicy Policy, TimeZoneInfo OwnerZone)> PolicyAndZoneAsync(HarrierDbContext db, ScanEntity scan, CancellationToken cancellationToken)
    {
        var settings = await db.ScanPolicies.AsNoTracking().Where(p => p.Id == scan.Configuration.PolicyId)
            .Select(p => p.SettingsJson).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var zoneId = await db.Users.AsNoTracking().Where(u => u.Id == scan.UserId).Select(u => u.TimeZoneId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var zone = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        return (EnginePolicyFactory.From(settings, limits), zone);
    }

    private static async Task IgnoreCancellation(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
