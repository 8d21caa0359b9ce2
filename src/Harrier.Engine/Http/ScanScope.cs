using Harrier.Core.Scans;

namespace Harrier.Engine.Http;

/// <summary>
/// Decides which URLs a scan may request: the target under its <see cref="ScanTaskScope"/>, plus additional websites
/// (their path and below). Scheme, host and port must match exactly, unless protocols are not differentiated,
/// in which case http:80 and https:443 are the same site.
/// </summary>
internal sealed class ScanScope
{
    private readonly IReadOnlyList<ScopeRoot> _roots;
    private readonly bool _sameProtocol;

    public ScanScope(Uri target, ScanTaskScope scope, IEnumerable<Uri> additionalWebsites, bool doNotDifferentiateProtocols)
    {
        ArgumentNullException.ThrowIfNull(target);
        _sameProtocol = doNotDifferentiateProtocols;
        var roots = new List<ScopeRoot> { RootFor(target, scope) };
        roots.AddRange(additionalWebsites.Select(site => RootFor(site, ScanTaskScope.EnteredPathAndBelow)));
        _roots = roots;
        Target = target;
    }

    public Uri Target { get; }

    public static ScanScope From(ScanConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var target = new Uri(configuration.TargetUrl, UriKind.Absolute);
        var additional = configuration.AdditionalWebsites
            .Select(site => Uri.TryCreate(site.TargetUrl, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(IsHttp);
        return new ScanScope(target, configuration.Scope, additional, configuration.DoNotDifferentiateProtocols);
    }

    public static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public bool Contains(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!IsHttp(uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var path = uri.AbsolutePath;
        foreach (var root in _roots)
        {
            if (!SameOrigin(root, uri))
            {
                continue;
            }

            if (root.ExactPath is not null)
            {
                if (string.Equals(path, root.ExactPath, StringComparison.Ordinal))
                {
                    return true;
                }

                continue;
            }

            if (path.StartsWith(root.PathPrefix, StringComparison.Ordinal) || path + "/" == root.PathPrefix)
            {
                return true;
            }
        }

        return false;
    }

    private bool SameOrigin(ScopeRoot root, Uri uri)
    {
        if (!string.Equals(root.Host, uri.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (root.Scheme == uri.Scheme)
        {
            return root.Port == uri.Port;
        }

        // http://host and https://host are one site only when asked, and only on default ports or the same port.
        return _sameProtocol && (root.Port == uri.Port || (IsDefaultPort(root.Scheme, root.Port) && uri.IsDefaultPort));
    }

    private static bool IsDefaultPort(string scheme, int port) =>
        (scheme == Uri.UriSchemeHttp && port == 80) || (scheme == Uri.UriSchemeHttps && port == 443);

    private static ScopeRoot RootFor(Uri uri, ScanTaskScope scope)
    {
        var path = uri.AbsolutePath;
        return scope switch
        {
            ScanTaskScope.WholeDomain => new ScopeRoot(uri.Scheme, uri.IdnHost, uri.Port, "/", null),
            ScanTaskScope.OnlyEnteredUrl => new ScopeRoot(uri.Scheme, uri.IdnHost, uri.Port, path, path),
            _ => new ScopeRoot(uri.Scheme, uri.IdnHost, uri.Port, DirectoryOf(path), null),
        };
    }

    /// <summary>"/app/" stays, "/app/index.php" becomes "/app/", and "/app" (no extension) is treated as the folder "/app/".</summary>
    private static string DirectoryOf(string path)
    {
        if (path.EndsWith('/'))
        {
            return path;
        }

        var lastSlash = path.LastIndexOf('/');
        var last = path[(lastSlash + 1)..];
        return last.Contains('.', StringComparison.Ordinal) ? path[..(lastSlash + 1)] : path + "/";
    }
}
