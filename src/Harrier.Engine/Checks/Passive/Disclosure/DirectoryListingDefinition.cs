using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>The finding text and classification of <see cref="DirectoryListingCheck"/>; one type per server style.</summary>
internal static class DirectoryListingDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "directory-listing",
        Name = "Directory Listing",
        Kind = CheckKind.Passive,
        Types =
        [
            .. DirectoryListingCheck.Signatures
                .DistinctBy(s => s.TypeName)
                .Select(s => new FindingType(s.TypeName, s.Fields[0] + " Directory Listing", Severity.Low, IsConfirmed: true, Certainty: 100)),
        ],
        Cwe = "548",
        OwaspTopTen2021 = "A01",
        Wasc = "16",
        References =
        [
            new Uri("https://cwe.mitre.org/data/definitions/548.html"),
            new Uri("https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information"),
        ],
        Description = "The web server lists the files of a folder because the folder has no index page and directory browsing is on.",
        Impact = "Anyone can see and download every file in the folder, including backups, configuration and files never linked from the site.",
        Remediation = "Turn directory browsing off (Options -Indexes, autoindex off, directoryBrowse enabled=\"false\", no UseDirectoryBrowser) and add index pages where needed.",
        Maturity = Maturity.Beta,
    };
}
