using Microsoft.Extensions.Logging;

namespace Harrier.Agent;

internal static partial class AgentLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentName} claimed scan {ScanId}")]
    public static partial void Claimed(ILogger logger, string agentName, Guid scanId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {ScanId} ended {Outcome} after {Requests} requests")]
    public static partial void Ended(ILogger logger, Guid scanId, Harrier.Engine.ScanOutcomeKind outcome, long requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Requeued {Count} scans whose agent stopped renewing its lease")]
    public static partial void Requeued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Agent {AgentName} failed while running scan {ScanId}")]
    public static partial void RunFailed(ILogger logger, string agentName, Guid scanId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Agent {AgentName} could not reach the database")]
    public static partial void LoopFailed(ILogger logger, string agentName, Exception exception);
}
