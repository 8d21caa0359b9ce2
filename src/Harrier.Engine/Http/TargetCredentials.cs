using System.Text;
using Harrier.Core.Scans;

namespace Harrier.Engine.Http;

/// <summary>
/// Target authentication that rides on every request: HTTP basic credentials (for URLs under their prefix) and
/// custom headers such as a bearer token. Secrets are decrypted once per scan and only held in memory.
/// </summary>
internal sealed class TargetCredentials
{
    private readonly List<(string Prefix, string HeaderValue)> _basic = [];
    private readonly List<KeyValuePair<string, string>> _headers = [];

    public static TargetCredentials None { get; } = new();

    /// <summary>Names of headers whose values are secrets, redacted in evidence.</summary>
    public IReadOnlySet<string> SecretHeaderNames { get; private set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public static TargetCredentials From(TargetAuthentication authentication, Func<EncryptedSecret, string> reveal)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(reveal);
        var credentials = new TargetCredentials();
        foreach (var basic in authentication.Basic?.Credentials ?? [])
        {
            if (basic.AuthenticationType is not BasicAuthenticationType.Basic)
            {
                continue; // NTLM, Kerberos, Digest and Negotiate are not implemented yet.
            }

            var user = string.IsNullOrEmpty(basic.Domain) ? basic.UserName : basic.Domain + "\\" + basic.UserName;
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + reveal(basic.Password)));
            credentials._basic.Add((basic.UriPrefix ?? "", "Basic " + token));
        }

        foreach (var header in authentication.Headers)
        {
            credentials._headers.Add(new(header.Name, reveal(header.Value)));
        }

        credentials.SecretHeaderNames = credentials._headers.Select(h => h.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return credentials;
    }

    /// <summary>Headers to add to a request for <paramref name="url"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> HeadersFor(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.AbsoluteUri;
        foreach (var (prefix, value) in _basic)
        {
            if (prefix.Length == 0 || text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return new("Authorization", value);
                break;
            }
        }

        foreach (var header in _headers)
        {
            yield return header;
        }
    }
}
