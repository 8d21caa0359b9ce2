using Harrier.TestTargets;

namespace Harrier.Bench;

/// <summary>
/// One scanner's findings scored against TestTargets' vulnerability list, as it is at run time: a hole is found when a
/// finding has its family, its path and its parameter; a finding that matches no hole is a false positive on a /vuln/
/// or /safe/ page, and is listed apart (not counted against the scanner) elsewhere or when informational or incidental.
/// </summary>
internal sealed class DetectionScore
{
    private DetectionScore(ScannerRun run, IReadOnlySet<string> found, IReadOnlyList<DetectedFinding> falsePositives, IReadOnlyList<DetectedFinding> aside)
    {
        Run = run;
        Found = found;
        FalsePositives = falsePositives;
        Aside = aside;
    }

    public ScannerRun Run { get; }

    /// <summary>Ids of the holes found.</summary>
    public IReadOnlySet<string> Found { get; }

    /// <summary>Unmatched vulnerability findings on a /vuln/ or /safe/ page.</summary>
    public IReadOnlyList<DetectedFinding> FalsePositives { get; }

    /// <summary>Unmatched findings elsewhere (site-wide pages), or informational, or incidental to plain HTTP.</summary>
    public IReadOnlyList<DetectedFinding> Aside { get; }

    public static DetectionScore Of(ScannerRun run, IReadOnlyList<KnownVulnerability> holes)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var falsePositives = new List<DetectedFinding>();
        var aside = new List<DetectedFinding>();
        foreach (var finding in run.Findings.Distinct(FindingComparer.Instance))
        {
            var matched = holes.Where(h => Matches(h, finding)).Select(h => h.Id).ToList();
            found.UnionWith(matched);
            if (matched.Count > 0)
            {
                continue;
            }

            var onTwinPage = finding.Path.StartsWith("/vuln/", StringComparison.Ordinal) || finding.Path.StartsWith("/safe/", StringComparison.Ordinal);
            (finding.Kind == FindingKind.Vulnerability && onTwinPage ? falsePositives : aside).Add(finding);
        }

        return new DetectionScore(run, found, falsePositives, aside);
    }

    /// <summary>Same family, same path (the parent folder for a path-segment hole), same parameter where the hole has one.</summary>
    public static bool Matches(KnownVulnerability hole, DetectedFinding finding)
    {
        if (!finding.Families.Contains(hole.Family))
        {
            return false;
        }

        var samePath = hole.Location == ParameterLocation.Path
            ? string.Equals(Parent(finding.Path), Parent(hole.Path), StringComparison.Ordinal)
            : string.Equals(finding.Path, hole.Path, StringComparison.Ordinal);
        return samePath && hole.Location switch
        {
            ParameterLocation.None or ParameterLocation.Path or ParameterLocation.Fragment => true,

            // XML and JSON bodies: a whole-document attack (XXE) names no parameter.
            ParameterLocation.Json or ParameterLocation.Xml when finding.Parameter is null => true,
            _ => string.Equals(finding.Parameter, hole.Parameter, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static string Parent(string path) => path[..(path.TrimEnd('/').LastIndexOf('/') + 1)];

    /// <summary>A scanner that reports the same thing twice (once per page that shows it) is listed once.</summary>
    private sealed class FindingComparer : IEqualityComparer<DetectedFinding>
    {
        public static readonly FindingComparer Instance = new();

        public bool Equals(DetectedFinding? x, DetectedFinding? y) => x?.ToString() == y?.ToString() && x?.Kind == y?.Kind;

        public int GetHashCode(DetectedFinding obj) => obj.ToString().GetHashCode(StringComparison.Ordinal);
    }
}
