using Harrier.Core.Scans;
using Harrier.Server.Http;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

internal static partial class ScansEndpoints
{
    private const int ConcurrencyRetries = 5;

    private static void MapControl(RouteGroupBuilder api)
    {
        api.MapPost("/cancel", Cancel).AcceptsWireBody<string>().Produces<string>();
        api.MapPost("/pause", Pause).AcceptsWireBody<string>().Produces<string>();
        api.MapPost("/resume", Resume).AcceptsWireBody<string>().Produces<string>();
        api.MapPost("/pause-active-scans", PauseActiveScans).Produces<object>();
        api.MapPost("/resume-paused-scans", ResumePausedScans).Produces<object>();
        api.MapPost("/delete", Delete).AcceptsWireBody<Guid[]>().Produces<string>();
    }

    public static Task<IResult> Cancel([AsParameters] ScanServices s, CancellationToken cancellationToken) =>
        ControlAsync(s, ScanStateRules.Cancel, cancellationToken);

    public static Task<IResult> Pause([AsParameters] ScanServices s, CancellationToken cancellationToken) =>
        ControlAsync(s, ScanStateRules.Pause, cancellationToken);

    public static Task<IResult> Resume([AsParameters] ScanServices s, CancellationToken cancellationToken) =>
        ControlAsync(s, ScanStateRules.Resume, cancellationToken);

    /// <summary>Pauses every running scan of the caller, marking them so <see cref="ResumePausedScans"/> resumes exactly those.</summary>
    public static async Task<IResult> PauseActiveScans([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        await ForEachOwnScanAsync(s, x => x.State == ScanTaskState.Scanning || x.State == ScanTaskState.Resuming, scan =>
        {
            Apply(s, scan, ScanStateRules.Pause(scan.State).NewState);
            scan.PausedByBulkRequest = true;
        }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new { });
    }

    public static async Task<IResult> ResumePausedScans([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        await ForEachOwnScanAsync(s, x => x.PausedByBulkRequest, scan =>
        {
            Apply(s, scan, ScanStateRules.Resume(scan.State).NewState);
            scan.PausedByBulkRequest = false;
        }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new { });
    }

    /// <summary>
    /// Soft-deletes scans that are not running: they leave every list but keep their configuration (so
    /// <c>newfromscan</c> still works) and findings. A queued scan that is deleted is cancelled first.
    /// </summary>
    public static async Task<IResult> Delete([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var ids = (await WireBody.ReadIdListAsync(s.Request, "scan", cancellationToken).ConfigureAwait(false)).Distinct().ToList();
        for (var attempt = 0; ; attempt++)
        {
            var scans = await s.Db.Scans.Where(x => ids.Contains(x.Id) && x.UserId == s.Caller.Id && x.DeletedAt == null)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (scans.Count != ids.Count)
            {
                return TypedResults.Ok(nameof(DeleteScanResult.SomeOfScansNotFound));
            }

            if (scans.Any(x => ScanStateRules.IsOngoing(x.State)))
            {
                return TypedResults.Ok(nameof(DeleteScanResult.OnGoingScanExisting));
            }

            var now = s.Time.GetUtcNow().UtcDateTime;
            foreach (var scan in scans)
            {
                if (!ScanStateRules.IsTerminal(scan.State))
                {
                    Apply(s, scan, ScanTaskState.Cancelled);
                }

                scan.DeletedAt = now;
            }

            if (await TrySaveAsync(s, attempt, cancellationToken).ConfigureAwait(false))
            {
                s.VisibleCounts.Forget(s.Caller.Id);
                return TypedResults.Ok(nameof(DeleteScanResult.Ok));
            }
        }
    }

    private static async Task<IResult> ControlAsync(
        ScanServices s, Func<ScanTaskState, (ScanControlResult Result, ScanTaskState? NewState)> rule, CancellationToken cancellationToken)
    {
        var id = await WireBody.ReadIdAsync(s.Request, "scan", cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok((await ApplyControlAsync(s, id, rule, cancellationToken).ConfigureAwait(false)).ToString());
    }

    /// <summary>Applies a control rule to one of the caller's scans, retrying when an agent wrote the row meanwhile.</summary>
    internal static async Task<ScanControlResult> ApplyControlAsync(
        ScanServices s, Guid id, Func<ScanTaskState, (ScanControlResult Result, ScanTaskState? NewState)> rule, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var scan = await s.Db.Scans.FirstOrDefaultAsync(x => x.Id == id && x.UserId == s.Caller.Id && x.DeletedAt == null, cancellationToken)
                .ConfigureAwait(false);
            if (scan is null)
            {
                return ScanControlResult.ScanNotFound;
            }

            var (result, newState) = rule(scan.State);
            if (newState is null)
            {
                return result;
            }

            Apply(s, scan, newState);
            scan.PausedByBulkRequest = false;
            if (await TrySaveAsync(s, attempt, cancellationToken).ConfigureAwait(false))
            {
                return result;
            }
        }
    }

    private static void Apply(ScanServices s, ScanEntity scan, ScanTaskState? newState)
    {
        if (newState is not { } state || state == scan.State)
        {
            return;
        }

        var now = s.Time.GetUtcNow().UtcDateTime;
        if (state == ScanTaskState.Cancelled)
        {
            if (scan.StartedAt is { } started && scan.State is ScanTaskState.Scanning or ScanTaskState.Pausing or ScanTaskState.Resuming)
            {
                scan.ElapsedTicksBeforeRun += (now - started).Ticks;
            }

            scan.FinishedAt = now;
        }

        scan.State = state;
        scan.StateChangedAt = now;
    }

    private static async Task ForEachOwnScanAsync(
        ScanServices s, System.Linq.Expressions.Expression<Func<ScanEntity, bool>> filter, Action<ScanEntity> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var scans = await s.Db.Scans.Where(x => x.UserId == s.Caller.Id && x.DeletedAt == null).Where(filter)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            scans.ForEach(change);
            if (await TrySaveAsync(s, attempt, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Saves; on a lost race with an agent's write, forgets the stale rows so the caller reloads and decides again.</summary>
    private static async Task<bool> TrySaveAsync(ScanServices s, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyRetries)
        {
            s.Db.ChangeTracker.Clear();
            return false;
        }
    }
}
