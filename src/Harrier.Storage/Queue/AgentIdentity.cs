namespace Harrier.Storage.Queue;

/// <summary>Who holds a scan's lease: a stable id and a display name (<c>AgentId</c>/<c>AgentName</c> on the scan).</summary>
public sealed record AgentIdentity(Guid Id, string Name);
