using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>The finding text and classification of <see cref="InternalIpDisclosureCheck"/>.</summary>
internal static class InternalIpDisclosureDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "internal-ip-disclosure",
        Name = "Internal IP Address Disclosure",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("InternalIPLeakage", "Internal IP Address Disclosure", Severity.Low, IsConfirmed: true, Certainty: 90),
        ],
        Cwe = "200",
        OwaspTopTen2021 = "A01",
        Wasc = "13",
        References =
        [
            new Uri("https://datatracker.ietf.org/doc/html/rfc1918"),
            new Uri("https://cwe.mitre.org/data/definitions/200.html"),
        ],
        Description = "A response contains a private (RFC 1918) IP address such as 10.x, 172.16–31.x or 192.168.x, typically of a back-end server or proxy.",
        Impact = "Attackers learn the internal network layout, which helps them target internal hosts, e.g. through server-side request forgery.",
        Remediation = "Keep internal addresses out of pages, headers and error messages; configure proxies and frameworks not to expose back-end addresses.",
        Maturity = Maturity.Beta,
    };
}
