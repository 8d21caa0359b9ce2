using System.Net;

namespace Harrier.Engine.Http;

/// <summary>
/// Builds the scanner's one HTTP handler per scan, configured explicitly: no automatic redirects (the crawler and
/// checks must see 3xx), no automatic cookies (the scan has its own jar), no proxy, no retries or resilience.
/// </summary>
internal static class ScannerHandlerFactory
{
    public static SocketsHttpHandler Create(EnginePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = policy.RequestTimeout < TimeSpan.FromSeconds(15) ? policy.RequestTimeout : TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = policy.MaxConcurrency,
        };
        if (policy.AcceptInvalidCertificates)
        {
            // Only when the scan policy asks for it: scanning a self-signed staging site is a legitimate need.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return handler;
    }
}
