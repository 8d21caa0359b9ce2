using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.Cors;

/// <summary>The finding text and classification of <see cref="CorsMisconfigurationCheck"/>.</summary>
internal static class CorsMisconfigurationDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "cors-misconfiguration",
        Name = "CORS Misconfiguration (arbitrary origin with credentials)",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("MisconfiguredAccessControlOrigin", "Access-Control-Allow-Origin Header Misconfiguration", Severity.Medium, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "942",
        OwaspTopTen2021 = "A05",
        Wasc = "14",
        References =
        [
            new Uri("https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS"),
            new Uri("https://portswigger.net/web-security/cors"),
        ],
        Description =
            "The server copies any request Origin (or the null origin) into Access-Control-Allow-Origin and also allows " +
            "credentials, so every website may read its responses with the visitor's cookies.",
        Impact = "A malicious site visited by a logged-in user reads that user's data from this site and performs actions with it.",
        Remediation =
            "Allow only an explicit list of trusted origins, never reflect the Origin header or allow 'null', and allow " +
            "credentials only where cross-origin access with cookies is required.",
        Maturity = Maturity.Beta,
    };
}
