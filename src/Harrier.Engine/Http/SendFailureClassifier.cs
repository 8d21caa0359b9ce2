using System.Net.Sockets;
using System.Security.Authentication;

namespace Harrier.Engine.Http;

/// <summary>Turns the exceptions of a failed send into a <see cref="SendError"/> and a short human text (no secrets, no bodies).</summary>
internal static class SendFailureClassifier
{
    public static (SendError Error, string Detail) Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SocketException socket:
                    return FromSocket(socket);
                case AuthenticationException:
                    return (SendError.Tls, "The TLS handshake with the target failed.");
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return (SendError.NameResolution, "The target's host name could not be resolved.");
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                    return (SendError.Tls, "A secure connection to the target could not be established.");
                case HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded }:
                    return (SendError.InvalidResponse, "The target sent an invalid or truncated HTTP response.");
                default:
                    break;
            }
        }

        return exception switch
        {
            TimeoutException or OperationCanceledException => (SendError.Timeout, "The target did not answer in time."),
            IOException => (SendError.ConnectionReset, "The connection to the target was closed unexpectedly."),
            _ => (SendError.InvalidResponse, "The request to the target failed: " + exception.GetType().Name + "."),
        };
    }

    private static (SendError, string) FromSocket(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => (SendError.ConnectionRefused, "The target refused the connection."),
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
            (SendError.NameResolution, "The target's host name could not be resolved."),
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown =>
            (SendError.HostUnreachable, "The target host is unreachable."),
        SocketError.TimedOut => (SendError.Timeout, "Connecting to the target timed out."),
        _ => (SendError.ConnectionReset, "The connection to the target failed (" + socket.SocketErrorCode + ")."),
    };

    /// <summary>Errors that mean the target is overloaded or pushing back, which lower concurrency.</summary>
    public static bool IsOverload(SendError error) =>
        error is SendError.Timeout or SendError.ConnectionRefused or SendError.ConnectionReset;
}
