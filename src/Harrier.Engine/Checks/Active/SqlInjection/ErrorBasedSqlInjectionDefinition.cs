using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.SqlInjection;

/// <summary>The finding text and classification of <see cref="ErrorBasedSqlInjectionCheck"/>.</summary>
internal static class ErrorBasedSqlInjectionDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "sql-injection-error-based",
        Name = "SQL Injection (error-based)",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("ConfirmedSqlInjection", "SQL Injection", Severity.Critical, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "89",
        OwaspTopTen2021 = "A03",
        Wasc = "19",
        Capec = "66",
        References =
        [
            new Uri("https://owasp.org/www-community/attacks/SQL_Injection"),
            new Uri("https://cwe.mitre.org/data/definitions/89.html"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html"),
        ],
        Description =
            "A request value is built into an SQL statement as text. Characters such as a quote break the statement's " +
            "syntax and the database error is shown in the response.",
        Impact =
            "An attacker can read, change or delete data in the database, bypass authentication, and depending on the " +
            "database and its privileges run commands on the server.",
        Remediation =
            "Use parameterized queries or prepared statements for every value, never string concatenation; use an ORM's " +
            "parameter binding; give the application's database account the least privilege; do not show database errors to users.",
        Maturity = Maturity.Beta,
    };
}
