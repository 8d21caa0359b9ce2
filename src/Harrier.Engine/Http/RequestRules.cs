using System.Text.RegularExpressions;
using Harrier.Core.Scans;

namespace Harrier.Engine.Http;

/// <summary>The send path's gatekeeper: scope, excluded links and disallowed methods, checked before anything goes on the wire.</summary>
internal sealed class RequestRules(ScanScope scope, IReadOnlyList<Regex> excludedLinks, IReadOnlySet<string> disallowedMethods)
{
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromMilliseconds(200);

    public ScanScope Scope { get; } = scope;

    public static RequestRules From(ScanConfiguration configuration, IEnumerable<string> extraExclusions)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var patterns = configuration.ExcludeLinks ? configuration.ExcludedLinks.Concat(extraExclusions) : extraExclusions;
        var regexes = patterns
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(Compile)
            .OfType<Regex>()
            .ToList();
        var methods = configuration.DisallowedHttpMethods
            .Select(m => m.ToString())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new RequestRules(ScanScope.From(configuration), regexes, methods);
    }

    /// <summary>Returns <see cref="SendError.None"/> when the request may be sent, otherwise why not.</summary>
    public SendError Check(ScanHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (disallowedMethods.Contains(request.Method))
        {
            return SendError.MethodDisallowed;
        }

        if (!Scope.Contains(request.Url))
        {
            return SendError.OutOfScope;
        }

        return IsExcluded(request.Url) ? SendError.Excluded : SendError.None;
    }

    public bool IsExcluded(Uri url)
    {
        var text = url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
        foreach (var regex in excludedLinks)
        {
            try
            {
                if (regex.IsMatch(text))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological pattern is treated as a match: better skip a URL than send an excluded one.
                return true;
            }
        }

        return false;
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
