using System.Net;

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
    })
    {
        Timeout = TimeSpan.FromSeconds(3),
    };

    public static bool IsLoopback(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

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
