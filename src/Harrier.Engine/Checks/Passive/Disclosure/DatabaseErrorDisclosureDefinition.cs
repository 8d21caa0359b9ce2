using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>The finding text and classification of <see cref="DatabaseErrorDisclosureCheck"/>.</summary>
internal static class DatabaseErrorDisclosureDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "database-error-disclosure",
        Name = "Database Error Message Disclosure",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("DatabaseErrorMessages", "Database Error Message Disclosure", Severity.Low, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "209",
        OwaspTopTen2021 = "A05",
        Wasc = "13",
        References =
        [
            new Uri("https://owasp.org/www-community/Improper_Error_Handling"),
            new Uri("https://cwe.mitre.org/data/definitions/209.html"),
        ],
        Description = "A page shows an error message of the database (MySQL/MariaDB, PostgreSQL, SQLite, SQL Server or Oracle) without being attacked.",
        Impact = "Database errors reveal the database product, query fragments and schema names, and often point at SQL injection.",
        Remediation = "Catch database exceptions, log them on the server and show a generic error page; check the failing query for injection.",
        Maturity = Maturity.Beta,
    };
}
