using System.Globalization;

namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>
/// Judges the <c>Strict-Transport-Security</c> header of HTTPS responses, once per site: missing (<c>HstsNotEnabled</c>),
/// malformed or duplicated (<c>HstsErrors</c>), or a <c>max-age</c> below 180 days (<c>HstsMaxAge</c>). Plain-HTTP
/// responses are never judged: browsers ignore HSTS there.
/// </summary>
internal sealed class StrictTransportSecurityCheck : IPassiveCheck
{
    /// <summary>180 days: below this the protection lapses between visits of an occasional user.</summary>
    public const long MinimumMaxAgeSeconds = 15_552_000;

    public CheckMetadata Metadata => StrictTransportSecurityDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.Request.Url.Scheme != Uri.UriSchemeHttps || response.StatusCode is < 200 or >= 400)
        {
            return;
        }

        var headers = response.GetHeaders("Strict-Transport-Security").ToList();
        var (typeName, proof) = Judge(headers);
        if (typeName is null)
        {
            return;
        }

        var site = SecurityHeaderRules.SiteRoot(response.Request.Url);
        if (!context.TryClaimOnce(Metadata.Id + " " + site))
        {
            return;
        }

        context.Report(FindingFactory.Create(
            Metadata, Metadata.Type(typeName), response.Request, point: null, payload: null,
            context.CreateEvidence(proof + " at " + response.Request.Url.AbsoluteUri), url: PageKey.Of(response.Request.Url)));
    }

    /// <summary>The finding type and proof for the header values, or (null, "") when the policy is sound.</summary>
    internal static (string? TypeName, string Proof) Judge(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return ("HstsNotEnabled", "No Strict-Transport-Security header");
        }

        if (values.Count > 1)
        {
            return ("HstsErrors", "Several Strict-Transport-Security headers: " + string.Join(" | ", values));
        }

        long? maxAge = null;
        foreach (var directive in values[0].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = directive.IndexOf('=', StringComparison.Ordinal);
            var name = (eq < 0 ? directive : directive[..eq]).Trim();
            if (!name.Equals("max-age", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (maxAge is not null || eq < 0
                || !long.TryParse(directive[(eq + 1)..].Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return ("HstsErrors", "Malformed Strict-Transport-Security: " + values[0]);
            }

            maxAge = seconds;
        }

        if (maxAge is null)
        {
            return ("HstsErrors", "Strict-Transport-Security without max-age: " + values[0]);
        }

        return maxAge < MinimumMaxAgeSeconds
            ? ("HstsMaxAge", "Strict-Transport-Security max-age=" + maxAge.Value.ToString(CultureInfo.InvariantCulture) + " is below 180 days")
            : (null, "");
    }
}
