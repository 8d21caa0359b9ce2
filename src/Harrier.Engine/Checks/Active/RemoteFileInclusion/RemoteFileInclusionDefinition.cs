using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.RemoteFileInclusion;

/// <summary>The finding text and classification of <see cref="RemoteFileInclusionCheck"/>.</summary>
internal static class RemoteFileInclusionDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "remote-file-inclusion",
        Name = "Remote File Inclusion (out-of-band)",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("Rfi", "Remote File Inclusion", Severity.Critical, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "98",
        OwaspTopTen2021 = "A03",
        Wasc = "5",
        Capec = "193",
        References =
        [
            new Uri("https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/11.2-Testing_for_Remote_File_Inclusion"),
            new Uri("https://cwe.mitre.org/data/definitions/98.html"),
        ],
        Description = "The server fetches a file from a URL taken from the request and runs it as code: the scanner's listener served arithmetic that came back computed.",
        Impact = "An attacker runs any code on the server by pointing the value at a file they host: full compromise of the application and its data.",
        Remediation =
            "Never include or evaluate files named by request data; map values to local files on an allow list, and disable " +
            "remote includes in the runtime (allow_url_include=Off in PHP).",
        Maturity = Maturity.Beta,
    };
}
