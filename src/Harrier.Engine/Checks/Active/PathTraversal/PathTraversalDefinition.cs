using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.PathTraversal;

/// <summary>The finding text and classification of <see cref="PathTraversalCheck"/>.</summary>
internal static class PathTraversalDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "path-traversal",
        Name = "Path Traversal / Local File Inclusion",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("Lfi", "Local File Inclusion", Severity.High, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "22",
        OwaspTopTen2021 = "A01",
        Wasc = "33",
        Capec = "126",
        References =
        [
            new Uri("https://owasp.org/www-community/attacks/Path_Traversal"),
            new Uri("https://cwe.mitre.org/data/definitions/22.html"),
        ],
        Description = "A request value is used as a file path without restriction, so ../ sequences or absolute paths read files outside the intended folder.",
        Impact = "An attacker reads any file the application can read: configuration with passwords and keys, source code, system files; inclusion can lead to code execution.",
        Remediation =
            "Never build file paths from request data; map identifiers to files on an allow list, or resolve the full path " +
            "and verify it stays inside the intended folder; run the application with least file-system privilege.",
        Maturity = Maturity.Beta,
    };
}
