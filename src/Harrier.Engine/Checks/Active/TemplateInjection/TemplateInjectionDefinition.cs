using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.TemplateInjection;

/// <summary>The finding text and classification of <see cref="TemplateInjectionCheck"/>.</summary>
internal static class TemplateInjectionDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "server-side-template-injection",
        Name = "Server-Side Template Injection / Code Evaluation",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("Ssti", "Server-Side Template Injection", Severity.High, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "1336",
        OwaspTopTen2021 = "A03",
        Wasc = "20",
        Capec = "242",
        References =
        [
            new Uri("https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/18-Testing_for_Server-side_Template_Injection"),
            new Uri("https://portswigger.net/web-security/server-side-template-injection"),
        ],
        Description = "A request value becomes part of a server-side template or expression and is evaluated: arithmetic sent in the value comes back computed.",
        Impact = "Template engines reach the runtime: an attacker can usually read files and environment secrets and run code on the server.",
        Remediation =
            "Never build templates from request data; pass values as template variables, use a logic-less or sandboxed " +
            "engine, and never pass request data to eval-like functions.",
        Maturity = Maturity.Beta,
    };
}
