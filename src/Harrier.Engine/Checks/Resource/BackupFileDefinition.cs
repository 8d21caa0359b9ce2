using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Resource;

/// <summary>The finding text and classification of <see cref="BackupFileCheck"/>.</summary>
internal static class BackupFileDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "backup-files",
        Name = "Backup Files and Folder Archives",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("BackupSourceCodeFound", "Backup Source Code Detected", Severity.Medium, IsConfirmed: true, Certainty: 100),
            new FindingType("BackupFileFound", "Backup File Found", Severity.Medium, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "530",
        OwaspTopTen2021 = "A05",
        Wasc = "34",
        References =
        [
            new Uri("https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information"),
            new Uri("https://cwe.mitre.org/data/definitions/530.html"),
        ],
        Description =
            "A backup copy of a page (name.bak, name~, name.old, .name.swp, name.orig) or an archive of a folder " +
            "(folder.zip, folder.tar.gz) is served as a plain download.",
        Impact =
            "Backup copies are not executed by the server, so they reveal source code with its credentials, queries and " +
            "logic; folder archives hand over a whole part of the application.",
        Remediation =
            "Remove backup and archive files from the web root, keep editors and deployment tools from leaving them there, " +
            "and deny such extensions in the web server configuration.",
        Maturity = Maturity.Beta,
    };
}
