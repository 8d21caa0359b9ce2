using System.Net;

namespace Harrier.Client;

/// <summary>The server answered with an error status; <see cref="Exception.Message"/> is its <c>Message</c> (and validation details).</summary>
internal sealed class HarrierApiException : Exception
{
    public HarrierApiException()
    {
    }

    public HarrierApiException(string message)
        : base(message)
    {
    }

    public HarrierApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HarrierApiException(HttpStatusCode statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>A client error (bad input, unauthenticated, not found) rather than a server or network failure.</summary>
    public bool IsClientError => (int)StatusCode is >= 400 and < 500;
}
