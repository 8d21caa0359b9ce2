using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.CommandInjection;

/// <summary>The finding text and classification of <see cref="TimeBasedCommandInjectionCheck"/>.</summary>
internal static class TimeBasedCommandInjectionDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "command-injection-time-based",
        Name = "Blind OS Command Injection (time-based)",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("BlindCommandInjection", "Blind Command Injection", Severity.Critical, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "78",
        OwaspTopTen2021 = "A03",
        Wasc = "31",
        Capec = "88",
        References =
        [
            new Uri("https://owasp.org/www-community/attacks/Command_Injection"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html"),
        ],
        Description = "A request value is passed to an operating system shell: a sleep command appended to it delays the response by exactly the time asked, although no output is shown.",
        Impact = "An attacker runs any command with the privileges of the web application, and can exfiltrate data through timing or out-of-band channels.",
        Remediation =
            "Do not call a shell with request data; use the platform's APIs instead, or start processes with an argument " +
            "list (no shell) and allow-listed values only.",
        Maturity = Maturity.Beta,
    };
}
