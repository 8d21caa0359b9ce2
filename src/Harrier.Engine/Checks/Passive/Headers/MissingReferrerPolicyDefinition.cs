using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>The finding text and classification of <see cref="MissingReferrerPolicyCheck"/>.</summary>
internal static class MissingReferrerPolicyDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "missing-referrer-policy",
        Name = "Referrer-Policy Not Implemented",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("ReferrerPolicyNotImplemented", "Referrer-Policy Not Implemented", Severity.BestPractice, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "200",
        OwaspTopTen2021 = "A05",
        References =
        [
            new Uri("https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Referrer-Policy"),
            new Uri("https://owasp.org/www-project-secure-headers/#referrer-policy"),
        ],
        Description = "HTML pages of the site are served without a Referrer-Policy header or a referrer meta tag.",
        Impact =
            "Browsers fall back to their default policy; older browsers send the full URL, including paths and query " +
            "strings that may carry tokens or personal data, to every site the page links to or loads resources from.",
        Remediation = "Send 'Referrer-Policy: strict-origin-when-cross-origin' (or 'no-referrer') on every HTML response.",
        Maturity = Maturity.Beta,
    };
}
