using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.CommandInjection;

/// <summary>The finding text and classification of <see cref="CommandInjectionCheck"/>.</summary>
internal static class CommandInjectionDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "command-injection",
        Name = "OS Command Injection",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("CommandInjection", "Command Injection", Severity.Critical, IsConfirmed: true, Certainty: 100),
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
        Description = "A request value is passed to an operating system shell, so shell separators in it run additional commands whose output appears in the response.",
        Impact = "An attacker runs any command with the privileges of the web application: reading and changing data, installing malware, moving into the internal network.",
        Remediation =
            "Do not call a shell with request data; use the platform's APIs instead, or start processes with an argument " +
            "list (no shell) and allow-listed values only.",
        Maturity = Maturity.Beta,
    };
}
