using Harrier.Core.Scans;
using Microsoft.Extensions.Logging;

namespace Harrier.Engine;

/// <summary>Engine log messages. Never log credentials, headers or bodies.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Scan {ScanId} started against {TargetUrl}")]
    public static partial void ScanStarted(ILogger logger, Guid scanId, string targetUrl);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Scan {ScanId} ended {Outcome} after {Requests} requests at concurrency {Concurrency}")]
    public static partial void ScanEnded(ILogger logger, Guid scanId, ScanOutcomeKind outcome, long requests, int concurrency);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Scan {ScanId} failed: {Reason}")]
    public static partial void ScanFailed(ILogger logger, Guid scanId, ScanFailureReason reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Scan {ScanId} stopped on an internal error")]
    public static partial void ScanCrashed(ILogger logger, Guid scanId, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Check {CheckId} failed on {Url}; the scan goes on")]
    public static partial void CheckFailed(ILogger logger, string checkId, Uri url, Exception exception);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Scan {ScanId} out-of-band listener on {BoundUrl}, reachable as {BaseUrl}")]
    public static partial void OutOfBandStarted(ILogger logger, Guid scanId, string boundUrl, string baseUrl);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Scan {ScanId} runs without an out-of-band listener: it could not start")]
    public static partial void OutOfBandFailed(ILogger logger, Guid scanId, Exception exception);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Retest finding {Fingerprint}: check {CheckId} is unknown or disabled, so it is not reproduced")]
    public static partial void RetestCheckUnavailable(ILogger logger, string fingerprint, string checkId);
}
