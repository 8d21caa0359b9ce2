namespace Harrier.Engine.Http;

/// <summary>What became of one request: a response, a refusal by the send path's rules, or a network failure.</summary>
internal sealed record SendResult(ScanHttpResponse? Response, SendError Error, string? Detail)
{
    /// <summary>The send path's own rules refused the request; nothing went on the wire.</summary>
    public bool IsBlocked => Error is SendError.OutOfScope or SendError.Excluded or SendError.MethodDisallowed;

    public static SendResult Blocked(SendError error, string detail) => new(null, error, detail);

    public static SendResult Failed(SendError error, string detail) => new(null, error, detail);

    public static SendResult Ok(ScanHttpResponse response) => new(response, SendError.None, null);
}
