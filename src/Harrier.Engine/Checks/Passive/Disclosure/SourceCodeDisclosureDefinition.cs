using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>The finding text and classification of <see cref="SourceCodeDisclosureCheck"/>.</summary>
internal static class SourceCodeDisclosureDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "source-code-disclosure",
        Name = "Source Code Disclosure",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("PhpSourceCodeDisclosure", "PHP Source Code Disclosure", Severity.Medium, IsConfirmed: true, Certainty: 100),
            new FindingType("AspNetSourceCodeDisclosure", "ASP.NET Source Code Disclosure", Severity.Medium, IsConfirmed: true, Certainty: 100),
            new FindingType("JavaSourceCodeDisclosure", "Java (JSP) Source Code Disclosure", Severity.Medium, IsConfirmed: true, Certainty: 100),
            new FindingType("GenericSourceCodeDisclosure", "Source Code Disclosure", Severity.Medium, IsConfirmed: false, Certainty: 90),
        ],
        Cwe = "540",
        OwaspTopTen2021 = "A05",
        Wasc = "13",
        References =
        [
            new Uri("https://cwe.mitre.org/data/definitions/540.html"),
            new Uri("https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/05-Review_Web_Page_Content_for_Information_Leakage"),
        ],
        Description = "A response contains server-side source code (PHP, ASP.NET, JSP or classic ASP) that the server should have executed.",
        Impact = "Source code reveals the application's logic, queries, file paths and often credentials, which makes other attacks much easier.",
        Remediation =
            "Make sure the web server hands these files to their runtime (handler mappings), never serves source files " +
            "or includes as static content, and keep secrets out of source code.",
        Maturity = Maturity.Beta,
    };
}
