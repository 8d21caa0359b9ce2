namespace Harrier.Bench;

/// <summary>
/// One finding of a scanner's report, reduced to what the detection benchmark scores on: the vulnerability families it
/// can stand for (TestTargets' <c>Family</c> names), the path and the attacked parameter.
/// </summary>
/// <param name="Name">The scanner's own name for it (wapiti category, Harrier <c>Type</c>).</param>
/// <param name="Families">The TestTargets families this name covers (wapiti's "SQL Injection" also covers XPath and LDAP).</param>
/// <param name="Method">The HTTP method of the attacking request.</param>
/// <param name="Path">The URL path, without the query.</param>
/// <param name="Parameter">The attacked parameter; <see langword="null"/> for passive findings.</param>
/// <param name="Kind">Whether it is a vulnerability, or informational by the scanner's own account.</param>
internal sealed record DetectedFinding(
    string Name, IReadOnlySet<string> Families, string Method, string Path, string? Parameter, FindingKind Kind = FindingKind.Vulnerability)
{
    public override string ToString() =>
        $"{Name}: {Method} {Path}{(string.IsNullOrEmpty(Parameter) ? "" : " [" + Parameter + "]")}";
}

/// <summary>How a finding that matches no hole is judged.</summary>
internal enum FindingKind
{
    /// <summary>Reported as a vulnerability: a false positive when it matches no hole on a /vuln/ or /safe/ page.</summary>
    Vulnerability,

    /// <summary>Not a vulnerability claim (wapiti's "anomalies" and "additionals": HTTP 500, timeouts, fingerprints).</summary>
    Informational,

    /// <summary>True of any plain-HTTP site and not in the list (e.g. a cookie without <c>Secure</c> over HTTP).</summary>
    Incidental,
}
