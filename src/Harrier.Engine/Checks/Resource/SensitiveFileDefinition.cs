using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Resource;

/// <summary>The finding text and classification of <see cref="SensitiveFileCheck"/>.</summary>
internal static class SensitiveFileDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "sensitive-files",
        Name = "Sensitive Files Found by Probing",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("GitDisclosure", "Git Repository Found", Severity.Medium, IsConfirmed: true, Certainty: 100),
            new FindingType("SvnDisclosure", "SVN Repository Found", Severity.Medium, IsConfirmed: true, Certainty: 100),
            new FindingType("LaravelEnvironmentConfigurationFileDetected", "Environment Configuration File (.env) Detected", Severity.High, IsConfirmed: true, Certainty: 100),
            new FindingType("DsStoreFileFound", ".DS_Store File Found", Severity.Low, IsConfirmed: true, Certainty: 100),
            new FindingType("PossibleLogFile", "Log File Found", Severity.Low, IsConfirmed: false, Certainty: 90),
        ],
        Cwe = "538",
        OwaspTopTen2021 = "A05",
        Wasc = "14",
        References =
        [
            new Uri("https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information"),
            new Uri("https://cwe.mitre.org/data/definitions/538.html"),
        ],
        Description =
            "A file that is not part of the site is served from one of its folders: version-control metadata (.git, .svn), " +
            "an environment file (.env), a macOS folder index (.DS_Store) or a log file.",
        Impact =
            "Version-control metadata lets an attacker download the source code and its history; .env files hold database " +
            "passwords and API keys; .DS_Store lists hidden files; logs reveal users, paths and internal errors.",
        Remediation =
            "Deploy only build output, never a working copy; deny dot-files and *.log in the web server configuration; " +
            "move secrets out of the web root and rotate any that were exposed.",
        Maturity = Maturity.Beta,
    };
}
