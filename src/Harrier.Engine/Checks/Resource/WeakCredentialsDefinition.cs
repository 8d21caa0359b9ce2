using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Resource;

/// <summary>The finding text and classification of <see cref="WeakCredentialsCheck"/>.</summary>
internal static class WeakCredentialsDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "weak-credentials",
        Name = "Default or Weak Credentials",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("WeakCredentials", "Weak Credentials", Severity.High, IsConfirmed: true, Certainty: 95),
        ],
        Cwe = "1392",
        OwaspTopTen2021 = "A07",
        Wasc = "21",
        References =
        [
            new Uri("https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/04-Authentication_Testing/02-Testing_for_Default_Credentials"),
            new Uri("https://cwe.mitre.org/data/definitions/1392.html"),
        ],
        Description = "A login form accepts a well-known default user name and password (such as admin / admin).",
        Impact = "Anyone can sign in with the account, often an administrator, and take over the application and its data.",
        Remediation =
            "Change default passwords before deployment, enforce a password policy, and add rate limiting or lockout " +
            "to login forms.",
        Maturity = Maturity.Beta,
        EnabledByDefault = false,
    };
}
