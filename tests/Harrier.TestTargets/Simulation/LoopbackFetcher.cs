using System.Net;
using System.Net.Sockets;

namespace Harrier.TestTargets.Simulation;

/// <summary>
/// The only outgoing HTTP the target ever makes (SSRF and XXE external entities): to loopback addresses only, so a
/// scanner's out-of-band listener on 127.0.0.1 can confirm the hole. Any other host "fails to connect" without traffic.
/// </summary>
internal static class LoopbackFetcher
{
    private const int MaxChars = 64 * 1024;

    private static readonly HttpClient s_client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        ConnectCallback = ConnectLoopbackOnlyAsync,
    })
    {
        Timeout = TimeSpan.FromSeconds(3),
    };

    public static bool IsLoopback(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    /// <summary>
    /// The second guard, at the socket: a name such as <c>localhost</c> is resolved here and every address must be
    /// loopback, so no mapping in the hosts file or DNS can send a request off the machine.
    /// </summary>
    private static async ValueTask<Stream> ConnectLoopbackOnlyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0 || !addresses.All(IPAddress.IsLoopback))
        {
            throw new HttpRequestException($"Refused: {host} is not a loopback address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The body of a loopback URL, or an error message. Never throws for network errors.</summary>
    public static async Task<string> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (!IsLoopback(uri))
        {
            return $"Could not connect to {uri.Host}: Connection refused";
        }

        try
        {
            using var response = await s_client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return body.Length > MaxChars ? body[..MaxChars] : body;
        }
        catch (HttpRequestException exception)
        {
            return $"Could not connect to {uri.Host}: {exception.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Timed out connecting to {uri.Host}";
        }
    }
}
