using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Storage.Queue;

/// <summary>What an agent tells about itself when it registers (<c>agents/list</c>).</summary>
public sealed record AgentDescription(string Version, string? OsDescription, string? FrameworkDescription, string? ProcessArchitecture);

/// <summary>
/// The agents table (<c>agents/list</c>): each agent registers when it starts, heartbeats with its lease, records what it
/// runs, and marks itself terminated when it stops. An agent whose heartbeat is older than its expiry is listed as not available.
/// </summary>
public sealed class AgentRegistry(HarrierDbContext db, TimeProvider time)
{
    /// <summary>Registers (or re-registers after a restart) <paramref name="agent"/> as waiting for work.</summary>
    public async Task RegisterAsync(AgentIdentity agent, AgentDescription description, TimeSpan expiry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(description);
        var now = Now;
        if (await UpdateRegistrationAsync(agent, description, now, expiry, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        db.Agents.Add(new AgentEntity
        {
            Id = agent.Id,
            Name = agent.Name,
            HostName = agent.HostName ?? agent.Name,
            GroupName = agent.GroupName,
            Version = description.Version,
            OsDescription = description.OsDescription,
            FrameworkDescription = description.FrameworkDescription,
            ProcessArchitecture = description.ProcessArchitecture,
            State = AgentState.Waiting,
            LaunchedAt = now,
            HeartbeatAt = now,
            ExpiresAt = now + expiry,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another process registered the same identity between the two statements: update that row instead.
            db.ChangeTracker.Clear();
            await UpdateRegistrationAsync(agent, description, now, expiry, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Renews the registration of <paramref name="agents"/> (all of one process) until now + <paramref name="expiry"/>.</summary>
    public Task<int> HeartbeatAsync(IReadOnlyCollection<Guid> agents, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var now = Now;
        return db.Agents.Where(a => agents.Contains(a.Id) && a.State != AgentState.Terminated)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.HeartbeatAt, now).SetProperty(a => a.ExpiresAt, now + expiry), cancellationToken);
    }

    /// <summary>Records that <paramref name="agent"/> runs <paramref name="scanId"/>, or waits for work when it is null.</summary>
    public Task<int> SetRunningAsync(Guid agent, Guid? scanId, CancellationToken cancellationToken)
    {
        var state = scanId is null ? AgentState.Waiting : AgentState.Scanning;
        return db.Agents.Where(a => a.Id == agent && a.State != AgentState.Terminated)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.State, state).SetProperty(a => a.CurrentScanId, scanId), cancellationToken);
    }

    /// <summary>Marks <paramref name="agents"/> as stopped (graceful shutdown).</summary>
    public Task<int> TerminateAsync(IReadOnlyCollection<Guid> agents, CancellationToken cancellationToken)
    {
        var now = Now;
        return db.Agents.Where(a => agents.Contains(a.Id))
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.State, AgentState.Terminated)
                .SetProperty(a => a.CurrentScanId, (Guid?)null)
                .SetProperty(a => a.HeartbeatAt, now)
                .SetProperty(a => a.ExpiresAt, now), cancellationToken);
    }

    private async Task<bool> UpdateRegistrationAsync(AgentIdentity agent, AgentDescription description, DateTime now, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var host = agent.HostName ?? agent.Name;
        var updated = await db.Agents.Where(a => a.Id == agent.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Name, agent.Name)
                .SetProperty(a => a.HostName, host)
                .SetProperty(a => a.GroupName, agent.GroupName)
                .SetProperty(a => a.Version, description.Version)
                .SetProperty(a => a.OsDescription, description.OsDescription)
                .SetProperty(a => a.FrameworkDescription, description.FrameworkDescription)
                .SetProperty(a => a.ProcessArchitecture, description.ProcessArchitecture)
                .SetProperty(a => a.State, AgentState.Waiting)
                .SetProperty(a => a.CurrentScanId, (Guid?)null)
                .SetProperty(a => a.LaunchedAt, now)
                .SetProperty(a => a.HeartbeatAt, now)
                .SetProperty(a => a.ExpiresAt, now + expiry), cancellationToken).ConfigureAwait(false);
        return updated == 1;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
