using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>The finding text and classification of <see cref="StrictTransportSecurityCheck"/>.</summary>
internal static class StrictTransportSecurityDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "strict-transport-security",
        Name = "HTTP Strict Transport Security (HSTS)",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("HstsNotEnabled", "HTTP Strict Transport Security (HSTS) Policy Not Enabled", Severity.Medium, IsConfirmed: true, Certainty: 100),
            new FindingType("HstsMaxAge", "Insufficient HSTS max-age", Severity.Low, IsConfirmed: true, Certainty: 100),
            new FindingType("HstsErrors", "Invalid Strict-Transport-Security Header", Severity.Low, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "523",
        OwaspTopTen2021 = "A05",
        Wasc = "15",
        References =
        [
            new Uri("https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Strict-Transport-Security"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Strict_Transport_Security_Cheat_Sheet.html"),
        ],
        Description =
            "The HTTPS site does not send a valid Strict-Transport-Security header with a long enough max-age, so browsers " +
            "do not insist on HTTPS for later visits.",
        Impact =
            "An attacker on the network can downgrade a user's first or next visit to plain HTTP (SSL stripping) and read " +
            "or change the traffic, including session cookies.",
        Remediation =
            "Send exactly one \"Strict-Transport-Security: max-age=31536000; includeSubDomains\" header on every HTTPS " +
            "response, and consider HSTS preloading.",
        Maturity = Maturity.Beta,
    };
}
