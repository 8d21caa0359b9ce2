using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>The finding text and classification of <see cref="StackTraceDisclosureCheck"/>.</summary>
internal static class StackTraceDisclosureDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "stack-trace-disclosure",
        Name = "Stack Trace Disclosure",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("AspNetStackTrace", "ASP.NET Stack Trace Disclosure", Severity.Low, IsConfirmed: true, Certainty: 100),
            new FindingType("JavaStackTraceDisclosure", "Java Stack Trace Disclosure", Severity.Low, IsConfirmed: true, Certainty: 100),
            new FindingType("PhpStackTraceDisclosure", "PHP Stack Trace Disclosure", Severity.Low, IsConfirmed: true, Certainty: 100),
            new FindingType("PythonStackTraceDisclosure", "Python Stack Trace Disclosure", Severity.Low, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "209",
        OwaspTopTen2021 = "A05",
        Wasc = "13",
        References =
        [
            new Uri("https://owasp.org/www-community/Improper_Error_Handling"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/Error_Handling_Cheat_Sheet.html"),
        ],
        Description = "A page shows a stack trace or a detailed programming error message produced by the runtime.",
        Impact =
            "Stack traces reveal file paths, class and method names, framework versions and sometimes data, which helps " +
            "an attacker map the application and craft further attacks.",
        Remediation =
            "Turn off detailed errors in production (customErrors / UseDeveloperExceptionPage only in development, " +
            "display_errors = Off, DEBUG = False), log errors on the server and show users a generic error page.",
        Maturity = Maturity.Beta,
    };
}
