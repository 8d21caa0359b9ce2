using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.XPathInjection;

/// <summary>
/// The finding text and classification of <see cref="XPathInjectionCheck"/>. Appendix A of the contract has no plain
/// XPath injection type; <c>XPathInjectionIast</c> is the only one naming the vulnerability, so it is used.
/// </summary>
internal static class XPathInjectionDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "xpath-injection",
        Name = "XPath Injection (error-based)",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("XPathInjectionIast", "XPath Injection", Severity.High, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "643",
        OwaspTopTen2021 = "A03",
        Wasc = "39",
        Capec = "83",
        References =
        [
            new Uri("https://owasp.org/www-community/attacks/XPATH_Injection"),
            new Uri("https://cwe.mitre.org/data/definitions/643.html"),
        ],
        Description =
            "A request value is built into an XPath expression as text. A quote or bracket breaks the expression and the " +
            "XPath engine's error is shown in the response.",
        Impact =
            "An attacker can change the query to read every node of the XML document (user lists, passwords, " +
            "configuration) or bypass a login that checks credentials with XPath.",
        Remediation =
            "Use parameterized XPath (variables bound by the XPath API, e.g. XPathVariableResolver or " +
            "XsltArgumentList) instead of string concatenation; otherwise allow-list the value's characters; do not " +
            "show XPath errors to users.",
        Maturity = Maturity.Beta,
    };
}
