using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Forms;

/// <summary>The finding text and classification of <see cref="PasswordOverHttpCheck"/>.</summary>
internal static class PasswordOverHttpDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "password-over-http",
        Name = "Password Transmitted over HTTP",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("PasswordOverHttp", "Password Transmitted over HTTP", Severity.High, IsConfirmed: true, Certainty: 100),
            new FindingType("PasswordFormOverHttp", "Password Form Served over HTTP", Severity.Medium, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "319",
        OwaspTopTen2021 = "A02",
        Wasc = "4",
        References =
        [
            new Uri("https://cwe.mitre.org/data/definitions/319.html"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html"),
        ],
        Description = "A form with a password field submits over plain HTTP, or is itself served over HTTP.",
        Impact =
            "Anyone on the network path can read the password in transit, or rewrite the page so the form sends it to the " +
            "attacker even when its action is an HTTPS URL.",
        Remediation = "Serve the whole site, login pages included, over HTTPS only; redirect HTTP to HTTPS and enable HSTS.",
        Maturity = Maturity.Beta,
    };
}
