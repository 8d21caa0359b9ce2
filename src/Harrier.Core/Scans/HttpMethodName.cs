namespace Harrier.Core.Scans;

/// <summary>HTTP methods a scan can be told not to use (Invicti <c>HttpMethod</c>). Member names are the wire names.</summary>
#pragma warning disable CA1707 // Wire names are upper case.
public enum HttpMethodName
{
    GET,
    POST,
    CONNECT,
    HEAD,
    TRACE,
    DEBUG,
    TRACK,
    PUT,
    OPTIONS,
    DELETE,
    LINK,
    UNLINK,
    PATCH,
}
#pragma warning restore CA1707
