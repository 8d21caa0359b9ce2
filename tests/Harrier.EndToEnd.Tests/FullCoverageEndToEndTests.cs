using System.Globalization;
using Harrier.TestTargets;

namespace Harrier.EndToEnd.Tests;

/// <summary>
/// Issue 4's bar on one scan of the whole test target through the server and an agent: every hole of the vulnerability
/// list (as it is when the tests run) found at its URL and parameter with its type, nothing on a safe twin, and one
/// finding per (type, URL, parameter).
/// </summary>
public sealed class FullCoverageEndToEndTests(FullCoverageFixture scan) : IClassFixture<FullCoverageFixture>
{
    public static TheoryData<string> HoleIds => new(KnownVulnerabilities.All.Select(v => v.Id));

    [Theory]
    [MemberData(nameof(HoleIds))]
    public void Scan_FindsTheHole_AtItsUrlAndParameter_WithItsType(string id)
    {
        // Arrange
        var hole = KnownVulnerabilities.Get(id);

        // Act
        var matches = scan.Findings.Where(f => IsAt(hole, f)).ToList();

        // Assert
        Assert.Equal("Complete", scan.FinalState);
        Assert.True(matches.Exists(f => f.Type == hole.Type),
            $"{hole.Type} not reported at {hole.Path} [{hole.Parameter}]; there: "
            + string.Join(", ", matches.Select(f => f.ToString()).DefaultIfEmpty("nothing")));
    }

    [Fact]
    public void Scan_ReportsNothing_OnAnySafePath()
    {
        Assert.Equal("Complete", scan.FinalState);
        var onSafePaths = scan.Findings.Where(f => f.Url.AbsolutePath.StartsWith("/safe/", StringComparison.Ordinal)).ToList();
        Assert.True(onSafePaths.Count == 0, "on safe twins: " + string.Join(", ", onSafePaths));
    }

    [Fact]
    public void Scan_ReportsEachFinding_OncePerTypeUrlAndParameter()
    {
        Assert.Equal("Complete", scan.FinalState);
        var duplicates = scan.Findings
            .GroupBy(f => (f.Type, Url: f.Url.GetLeftPart(UriPartial.Path), f.Parameter))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Type} {g.Key.Url} [{g.Key.Parameter}] ×{g.Count()}")
            .ToList();
        Assert.True(duplicates.Count == 0, "reported more than once: " + string.Join(", ", duplicates));
        Assert.NotEmpty(scan.Findings);
    }

    [Fact]
    public void Scan_SendsRequests_AndReportsItsCost()
    {
        Assert.Equal("Complete", scan.FinalState);
        Assert.True(scan.RequestCount > 0);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Full-coverage scan: {scan.ScanTime.TotalSeconds:F0} s, {scan.RequestCount} requests, {scan.Findings.Count} findings"));
    }

    /// <summary>
    /// Same path and parameter. A path-segment hole is at any last segment under the same folder (the scanner names the
    /// segment its own way); a whole-document XML or JSON attack names no parameter.
    /// </summary>
    private static bool IsAt(KnownVulnerability hole, StoredFinding finding)
    {
        var path = finding.Url.AbsolutePath;
        return hole.Location switch
        {
            ParameterLocation.Path => path.StartsWith(hole.Path[..(hole.Path.LastIndexOf('/') + 1)], StringComparison.Ordinal)
                && path.LastIndexOf('/') == hole.Path.LastIndexOf('/'),
            ParameterLocation.None or ParameterLocation.Fragment => path == hole.Path,
            ParameterLocation.Json or ParameterLocation.Xml when finding.Parameter is null => path == hole.Path,
            _ => path == hole.Path && string.Equals(finding.Parameter, hole.Parameter, StringComparison.OrdinalIgnoreCase),
        };
    }
}
