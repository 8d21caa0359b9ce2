using Harrier.Core.Scans;
using Harrier.Engine.Http;

namespace Harrier.Engine.Scanning;

/// <summary>Maps a failed first contact with the target to an Invicti failure reason and a sentence a user understands.</summary>
internal static class FailureMapper
{
    public static ScanFailedException ToFailure(Uri target, SendResult result)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(result);
        var reason = result.Error switch
        {
            SendError.NameResolution => ScanFailureReason.NameResolutionFailure,
            SendError.Tls => ScanFailureReason.SecurityProtocolTypeNotSupported,
            SendError.HostUnreachable => ScanFailureReason.HostUnavailable,
            SendError.Timeout => ScanFailureReason.TargetLinkTimeoutDetected,
            SendError.OutOfScope or SendError.Excluded or SendError.MethodDisallowed => ScanFailureReason.ScanNotAllowed,
            _ => ScanFailureReason.ScanTargetNotReachable,
        };
        var description = result.IsBlocked
            ? "The target URL " + target + " cannot be requested under this scan's own settings (" + result.Error + ")."
            : "Could not reach the target " + target + ": " + result.Detail;
        return new ScanFailedException(reason, description);
    }
}
