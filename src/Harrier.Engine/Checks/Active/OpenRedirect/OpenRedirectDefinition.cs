using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.OpenRedirect;

/// <summary>The finding text and classification of <see cref="OpenRedirectCheck"/>.</summary>
internal static class OpenRedirectDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "open-redirect",
        Name = "Open Redirect",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("OpenRedirect", "Open Redirection", Severity.Medium, IsConfirmed: true, Certainty: 100),
            new FindingType("OpenRedirectInPost", "Open Redirection in POST Form", Severity.Low, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "601",
        OwaspTopTen2021 = "A01",
        Wasc = "38",
        Capec = "194",
        References =
        [
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html"),
            new Uri("https://cwe.mitre.org/data/definitions/601.html"),
        ],
        Description = "A request value decides where the page redirects the browser, and any external site is accepted.",
        Impact = "Attackers send victims links on the trusted domain that land on a phishing or malware site, and can abuse the redirect to steal OAuth codes or tokens.",
        Remediation =
            "Redirect only to relative paths or to an allow list of destinations; map destinations to identifiers instead " +
            "of taking URLs from the request; reject values starting with // or a scheme.",
        Maturity = Maturity.Beta,
    };
}
