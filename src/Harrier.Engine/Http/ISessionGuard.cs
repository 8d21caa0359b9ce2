namespace Harrier.Engine.Http;

/// <summary>Watches responses for a lost login session and restores it; the send path then re-sends the request once.</summary>
internal interface ISessionGuard
{
    bool IsSessionLost(ScanHttpResponse response);

    /// <summary>Logs in again; false when the session could not be restored (the request is not re-sent).</summary>
    Task<bool> RestoreAsync(ScanHttpResponse lostAt, CancellationToken cancellationToken);
}
