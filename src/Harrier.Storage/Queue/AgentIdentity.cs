namespace Harrier.Storage.Queue;

/// <summary>
/// Who holds a scan's lease: a stable id and a display name (<c>AgentId</c>/<c>AgentName</c> on the scan). A scan
/// launched with an <c>AgentName</c> is claimed only by the agent of that <see cref="Name"/> or <see cref="HostName"/>;
/// one launched with an <c>AgentGroupName</c> only by an agent of that <see cref="GroupName"/> (both case-insensitive).
/// </summary>
public sealed record AgentIdentity(Guid Id, string Name)
{
    /// <summary>The agent process's name (its slots are <c>HostName-1</c>, <c>HostName-2</c>, …). Default: <see cref="Name"/>.</summary>
    public string? HostName { get; init; }

    /// <summary>The agent group this agent belongs to, if any.</summary>
    public string? GroupName { get; init; }

    /// <summary>How routing names are stored and compared: trimmed, lower-case invariant; null when empty.</summary>
    public static string? RoutingKey(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();
}
