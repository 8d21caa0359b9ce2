namespace Harrier.Engine.Http;

/// <summary>Why the send path returned no response.</summary>
internal enum SendError
{
    None,
    OutOfScope,
    Excluded,
    MethodDisallowed,
    Timeout,
    ConnectionRefused,
    ConnectionReset,
    NameResolution,
    Tls,
    HostUnreachable,
    InvalidResponse,
}
