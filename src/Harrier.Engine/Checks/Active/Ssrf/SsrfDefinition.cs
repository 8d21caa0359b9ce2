using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.Ssrf;

/// <summary>The finding text and classification of <see cref="SsrfCheck"/>.</summary>
internal static class SsrfDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "ssrf",
        Name = "Server-Side Request Forgery (out-of-band)",
        Kind = CheckKind.Active,
        Types =
        [
            // Appendix A has no plain "Ssrf" type; PossibleSsrf is Invicti's generic SSRF type. The callback confirms it.
            new FindingType("PossibleSsrf", "Server-Side Request Forgery", Severity.High, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "918",
        OwaspTopTen2021 = "A10",
        Capec = "664",
        References =
        [
            new Uri("https://owasp.org/Top10/A10_2021-Server-Side_Request_Forgery_%28SSRF%29/"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html"),
        ],
        Description = "The server fetches a URL taken from the request: the scanner's out-of-band listener received the request the target made to the URL it was given.",
        Impact =
            "An attacker makes the server send requests on their behalf: to internal services and cloud metadata endpoints " +
            "behind the firewall, to read their responses, scan the internal network or reach admin interfaces.",
        Remediation =
            "Do not fetch URLs taken from requests; if the feature needs it, allow only listed hosts and schemes, resolve " +
            "the host and refuse private, loopback and link-local addresses, disable redirects, and isolate the fetcher from internal networks.",
        Maturity = Maturity.Beta,
    };
}
