namespace Harrier.Core.Scans;

/// <summary>Number of findings per severity.</summary>
public sealed record SeverityCounts(int Critical, int High, int Medium, int Low, int Information, int BestPractice)
{
    public static SeverityCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Every finding except Information-level ones (Invicti's <c>TotalVulnerabilityCount</c>).</summary>
    public int TotalExcludingInformation => Critical + High + Medium + Low + BestPractice;

    public static SeverityCounts From(IEnumerable<Severity> severities)
    {
        int critical = 0, high = 0, medium = 0, low = 0, info = 0, best = 0;
        foreach (var severity in severities)
        {
            switch (severity)
            {
                case Severity.Critical: critical++; break;
                case Severity.High: high++; break;
                case Severity.Medium: medium++; break;
                case Severity.Low: low++; break;
                case Severity.Information: info++; break;
                default: best++; break;
            }
        }

        return new(critical, high, medium, low, info, best);
    }
}
