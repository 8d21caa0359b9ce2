using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.SqlInjection;

/// <summary>The finding text and classification of <see cref="TimeBasedSqlInjectionCheck"/>.</summary>
internal static class TimeBasedSqlInjectionDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "sql-injection-time-based",
        Name = "Blind SQL Injection (time-based)",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("ConfirmedBlindSqlInjection", "Blind SQL Injection (time-based)", Severity.Critical, IsConfirmed: true, Certainty: 100),
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
            "A request value is built into an SQL statement as text. Nothing of the query shows in the page, but a " +
            "database wait function in the value delays the response by exactly the time asked.",
        Impact =
            "An attacker can extract the whole database one bit at a time, and depending on the database and its " +
            "privileges change data or run commands on the server.",
        Remediation =
            "Use parameterized queries or prepared statements for every value, never string concatenation; give the " +
            "application's database account the least privilege.",
        Maturity = Maturity.Beta,
    };
}
