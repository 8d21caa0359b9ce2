using System.Net;
using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>
/// Reports private (RFC 1918) IPv4 addresses in the headers or text body of responses to normal requests; one finding
/// per page. Nothing is reported when the target itself is addressed by a private IP (an internal site naming its
/// network is no leak), or for the request's own host.
/// </summary>
internal sealed partial class InternalIpDisclosureCheck : IPassiveCheck
{
    public CheckMetadata Metadata => InternalIpDisclosureDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        var host = response.Request.Url.Host;
        if (response.Request.IsAttack || (IPAddress.TryParse(host, out var hostAddress) && IsPrivate(hostAddress)))
        {
            return;
        }

        var found = response.Headers.Where(h => !h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)
            .Append(DisclosureRules.IsText(response) ? response.BodyText : "")
            .Select(FirstPrivateAddress)
            .FirstOrDefault(a => a is not null);
        if (found is null)
        {
            return;
        }

        var page = PageKey.Of(response.Request.Url);
        if (context.TryClaimOnce(Metadata.Id + " " + page))
        {
            context.Report(FindingFactory.Create(
                Metadata, Metadata.Types[0], response.Request, point: null, payload: null, context.CreateEvidence(found), url: page));
        }
    }

    internal static string? FirstPrivateAddress(string text)
    {
        foreach (Match match in Candidate().Matches(text))
        {
            if (IPAddress.TryParse(match.Value, out var address) && IsPrivate(address) && match.Value.Split('.').All(o => o.Length == 1 || o[0] != '0'))
            {
                return match.Value;
            }
        }

        return null;
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168);
    }

    // Four dotted octets not embedded in a longer dotted number (versions such as 10.0.0.1.2 or 1.10.0.0.1).
    [GeneratedRegex(@"(?<![\d.])(10|172|192)\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d]|\.\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Candidate();
}
