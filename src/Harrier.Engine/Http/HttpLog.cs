using Microsoft.Extensions.Logging;

namespace Harrier.Engine.Http;

/// <summary>Send-path log messages. Never log credentials, headers or bodies.</summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Request {Method} {Url} not sent: {Reason}")]
    public static partial void RequestBlocked(ILogger logger, string method, Uri url, SendError reason);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Request {Method} {Url} failed: {Reason}")]
    public static partial void RequestFailed(ILogger logger, string method, Uri url, SendError reason);
}
