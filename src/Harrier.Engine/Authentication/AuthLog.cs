using Microsoft.Extensions.Logging;

namespace Harrier.Engine.Authentication;

/// <summary>Form-login log messages. Never log user names, passwords, cookies or bodies.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Form login to {LoginUrl} succeeded")]
    public static partial void LoggedIn(ILogger logger, Uri loginUrl);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Session lost at {Url}; logging in again ({Count})")]
    public static partial void SessionLost(ILogger logger, Uri url, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Session lost {Count} times; re-login disabled for the rest of the scan")]
    public static partial void TooManyLogouts(ILogger logger, int count);
}
