using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>The finding text and classification of <see cref="CspUnsafeDirectivesCheck"/>.</summary>
internal static class CspUnsafeDirectivesDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "csp-unsafe-directives",
        Name = "Content Security Policy with Unsafe Directives",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("UnsafeCspInstructionDetected", "Unsafe Content Security Policy (CSP) Directive in Use", Severity.Low, IsConfirmed: true, Certainty: 100),
            new FindingType("WildcardDetectedInDomain", "Wildcard Detected in Content Security Policy Source", Severity.Low, IsConfirmed: true, Certainty: 100),
            new FindingType("CspReportOnlyHeaderDetectedWithoutReportUri", "Content Security Policy Report-Only Without report-uri", Severity.BestPractice, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "693",
        OwaspTopTen2021 = "A05",
        References =
        [
            new Uri("https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/Content_Security_Policy_Cheat_Sheet.html"),
        ],
        Description =
            "The site's Content-Security-Policy lets scripts run from inline code or eval ('unsafe-inline', 'unsafe-eval'), " +
            "from any host (*), or is only reported without a place to report to.",
        Impact =
            "A policy with these sources no longer stops injected scripts, so cross-site scripting works as if there were " +
            "no policy; a report-only policy without report-uri neither blocks nor tells anyone.",
        Remediation =
            "Remove 'unsafe-inline' and 'unsafe-eval' (use nonces or hashes and move code to files), list explicit hosts " +
            "instead of *, and give report-only policies a report-uri or report-to directive.",
        Maturity = Maturity.Beta,
    };
}
