using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.SqlInjection;

/// <summary>The finding text and classification of <see cref="BooleanSqlInjectionCheck"/>.</summary>
internal static class BooleanSqlInjectionDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "sql-injection-boolean",
        Name = "Boolean-based SQL Injection",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("ConfirmedBooleanSqlInjection", "Boolean Based SQL Injection", Severity.Critical, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "89",
        OwaspTopTen2021 = "A03",
        Wasc = "19",
        Capec = "7",
        References =
        [
            new Uri("https://owasp.org/www-community/attacks/Blind_SQL_Injection"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html"),
        ],
        Description =
            "A request value is built into an SQL statement as text: appending an always-true condition leaves the page " +
            "unchanged while an always-false condition changes it, so the value's SQL is evaluated.",
        Impact =
            "An attacker can read the whole database by asking true/false questions, bypass filters and authentication, " +
            "and depending on the database change data.",
        Remediation =
            "Use parameterized queries or prepared statements for every value, never string concatenation; give the " +
            "application's database account the least privilege.",
        Maturity = Maturity.Beta,
    };
}
