using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Resource;

/// <summary>The finding text and classification of <see cref="HttpMethodsCheck"/>.</summary>
internal static class HttpMethodsDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "http-methods",
        Name = "Dangerous HTTP Methods (TRACE/TRACK, WebDAV, PUT)",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("TraceTrackIdentified", "TRACE/TRACK Method Detected", Severity.Low, IsConfirmed: true, Certainty: 100),
            new FindingType("WebDavEnabled", "WebDAV Enabled", Severity.Information, IsConfirmed: true, Certainty: 100),
            new FindingType("WebDavDirectoryHasWritePermissions", "WebDAV Directory Has Write Permissions", Severity.High, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "650",
        OwaspTopTen2021 = "A05",
        Wasc = "14",
        References =
        [
            new Uri("https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/06-Test_HTTP_Methods"),
            new Uri("https://cwe.mitre.org/data/definitions/650.html"),
        ],
        Description =
            "The server accepts HTTP methods a web site does not need: TRACE or TRACK (the request is echoed back), WebDAV, " +
            "or PUT requests that store files.",
        Impact =
            "TRACE echoes headers such as cookies to scripts that could not otherwise read them (cross-site tracing); WebDAV " +
            "widens the attack surface; writable folders let an attacker upload content or code.",
        Remediation =
            "Allow only the methods the application uses (usually GET, HEAD and POST) in the web server configuration; " +
            "disable TRACE/TRACK (TraceEnable off) and WebDAV modules that are not needed.",
        Maturity = Maturity.Beta,
    };
}
