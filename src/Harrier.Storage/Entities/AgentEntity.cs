namespace Harrier.Storage.Entities;

/// <summary>
/// A scan agent as the API lists it (<c>agents/list</c>): one row per agent slot, written by the agent itself when it
/// starts, on every heartbeat, when it claims or finishes a scan, and when it stops.
/// </summary>
public sealed class AgentEntity
{
    /// <summary>The agent's stable identity (<see cref="Queue.AgentIdentity.Id"/>), also <c>AgentId</c> on the scans it runs.</summary>
    public Guid Id { get; set; }

    /// <summary>The slot's name, <c>host-1</c>, <c>host-2</c>, …</summary>
    public required string Name { get; set; }

    /// <summary>The name of the process the slot belongs to (<c>Harrier:Agent:Name</c>); a launch's <c>AgentName</c> may name it.</summary>
    public required string HostName { get; set; }

    /// <summary>The agent group (<c>Harrier:Agent:Group</c>); a launch's <c>AgentGroupName</c> routes scans to its agents.</summary>
    public string? GroupName { get; set; }

    public required string Version { get; set; }

    public string? OsDescription { get; set; }

    public string? FrameworkDescription { get; set; }

    public string? ProcessArchitecture { get; set; }

    public AgentState State { get; set; } = AgentState.Waiting;

    /// <summary>The scan the agent is running, when <see cref="State"/> is <see cref="AgentState.Scanning"/>.</summary>
    public Guid? CurrentScanId { get; set; }

    public DateTime LaunchedAt { get; set; }

    public DateTime HeartbeatAt { get; set; }

    /// <summary>When the agent counts as gone (<see cref="AgentState.NotAvailable"/>) unless it heartbeats again.</summary>
    public DateTime ExpiresAt { get; set; }
}

/// <summary>Invicti's agent states (<c>AgentListApiModel.State</c>); Harrier uses Waiting, Scanning, Terminated and NotAvailable.</summary>
public enum AgentState
{
    Launching,
    Waiting,
    Scanning,
    Terminated,
    NotAvailable,
    Disabled,
    Updating,
}
