using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Forms;

/// <summary>The finding text and classification of <see cref="CsrfCheck"/>.</summary>
internal static class CsrfDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "csrf",
        Name = "Cross-Site Request Forgery",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("CsrfDetected", "Cross-Site Request Forgery", Severity.Low, IsConfirmed: false, Certainty: 90),
        ],
        Cwe = "352",
        OwaspTopTen2021 = "A01",
        Wasc = "9",
        Capec = "62",
        References =
        [
            new Uri("https://owasp.org/www-community/attacks/csrf"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html"),
        ],
        Description = "A form that changes state (a POST form with editable fields) carries no anti-forgery token.",
        Impact =
            "Another site can submit the form in the background with the visitor's session, changing their data or " +
            "performing actions in their name.",
        Remediation =
            "Add a per-session or per-request anti-forgery token to every state-changing form and verify it on the server " +
            "(the framework's built-in protection); also set SameSite on session cookies.",
        Maturity = Maturity.Beta,
    };
}
