using Harrier.Contracts;
using Harrier.Server.Http;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

/// <summary>
/// <c>/api/1.0/agents/*</c>: the scan agents that share this server's database (in-process agents and <c>harrier agent</c>
/// processes), one per agent slot, from the registry the agents keep up to date with their heartbeat.
/// </summary>
internal static class AgentsEndpoints
{
    public static RouteGroupBuilder MapAgentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/1.0/agents").RequireAuthorization().WithTags("Agents");
        api.MapGet("/list", List).Produces<PagedResult<AgentListApiModel>>();
        return api;
    }

    /// <summary>Every agent, by name; one whose heartbeat has lapsed is <c>NotAvailable</c>.</summary>
    public static async Task<IResult> List([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var paging = Paging.From(s.Request);
        var query = s.Db.Agents.AsNoTracking();
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await query.OrderBy(a => a.Name).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(paging.Result([.. page.Select(a => ToModel(a, s.Now))], total));
    }

    internal static AgentListApiModel ToModel(AgentEntity agent, DateTime now) => new()
    {
        Id = agent.Id,
        Heartbeat = WebsitesEndpoints.Utc(agent.HeartbeatAt),
        IpAddress = null,
        Launched = WebsitesEndpoints.Utc(agent.LaunchedAt),
        Name = agent.Name,
        State = agent.State != AgentState.Terminated && agent.ExpiresAt < now ? AgentState.NotAvailable : agent.State,
        Version = agent.Version,
        AutoUpdateEnabled = false,
        HasWaitingCommand = false,
        VdbVersion = agent.Version,
        OsDescription = agent.OsDescription,
        FrameworkDescription = agent.FrameworkDescription,
        OsArchitecture = agent.ProcessArchitecture,
        ProcessArchitecture = agent.ProcessArchitecture,
        IsAgentNeedsUpdate = false,
        StorageHealthState = "Healthy",
        CurrentScanId = agent.State == AgentState.Scanning ? agent.CurrentScanId : null,
        GroupName = agent.GroupName,
    };
}

/// <summary>
/// Invicti <c>AgentListApiModel</c>, member for member in the swagger's order, plus two Harrier members at the end:
/// <see cref="CurrentScanId"/> (the scan the agent runs) and <see cref="GroupName"/> (its agent group).
/// </summary>
internal sealed record AgentListApiModel
{
    public Guid Id { get; init; }

    public DateTimeOffset Heartbeat { get; init; }

    public string? IpAddress { get; init; }

    public DateTimeOffset Launched { get; init; }

    public string? Name { get; init; }

    public AgentState State { get; init; }

    public string? Version { get; init; }

    public bool AutoUpdateEnabled { get; init; }

    public bool HasWaitingCommand { get; init; }

    public string? VdbVersion { get; init; }

    public string? OsDescription { get; init; }

    public string? FrameworkDescription { get; init; }

    public string? OsArchitecture { get; init; }

    public string? ProcessArchitecture { get; init; }

    public bool IsAgentNeedsUpdate { get; init; }

    public string? StorageHealthState { get; init; }

    public Guid? CurrentScanId { get; init; }

    public string? GroupName { get; init; }
}
