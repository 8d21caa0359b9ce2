using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>The finding text and classification of <see cref="MissingContentSecurityPolicyCheck"/>.</summary>
internal static class MissingContentSecurityPolicyDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "missing-content-security-policy",
        Name = "Content Security Policy Not Implemented",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("CspNotImplemented", "Content Security Policy (CSP) Not Implemented", Severity.BestPractice, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "1021",
        OwaspTopTen2021 = "A05",
        Wasc = "15",
        References =
        [
            new Uri("https://developer.mozilla.org/en-US/docs/Web/HTTP/CSP"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/Content_Security_Policy_Cheat_Sheet.html"),
        ],
        Description =
            "HTML pages of the site are served without a Content-Security-Policy header (a report-only policy does not count).",
        Impact =
            "Without a policy the browser runs any script injected into a page, so a cross-site scripting flaw or a " +
            "compromised third-party script has full effect.",
        Remediation =
            "Send a Content-Security-Policy header on every HTML response, starting from \"default-src 'self'\" and " +
            "allowing only the sources the site needs; avoid 'unsafe-inline' and 'unsafe-eval'.",
        Maturity = Maturity.Beta,
    };
}
