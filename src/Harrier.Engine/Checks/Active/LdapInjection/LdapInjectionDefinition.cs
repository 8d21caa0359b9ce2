using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.LdapInjection;

/// <summary>
/// The finding text and classification of <see cref="LdapInjectionCheck"/>. Appendix A of the contract has no plain
/// LDAP injection type; <c>LdapInjectionIast</c> is the only one naming the vulnerability, so it is used.
/// </summary>
internal static class LdapInjectionDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "ldap-injection",
        Name = "LDAP Injection (error-based)",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("LdapInjectionIast", "LDAP Injection", Severity.High, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "90",
        OwaspTopTen2021 = "A03",
        Wasc = "29",
        Capec = "136",
        References =
        [
            new Uri("https://owasp.org/www-community/attacks/LDAP_Injection"),
            new Uri("https://cwe.mitre.org/data/definitions/90.html"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/LDAP_Injection_Prevention_Cheat_Sheet.html"),
        ],
        Description =
            "A request value is built into an LDAP search filter or DN as text. A parenthesis or backslash breaks the " +
            "filter and the directory library's error is shown in the response.",
        Impact =
            "An attacker can widen the search to read other directory entries and attributes, or bypass an LDAP-based " +
            "login with a filter that always matches.",
        Remediation =
            "Escape every value for its place with the library's encoder (RFC 4515 filter escaping of * ( ) \\ NUL, " +
            "RFC 4514 for DNs), or allow-list its characters; bind with a least-privilege account; do not show " +
            "directory errors to users.",
        Maturity = Maturity.Beta,
    };
}
