namespace Harrier.Core.Scans;

/// <summary>Severity of a finding, in ascending order. Member names are the wire names; never rely on ordinals.</summary>
public enum Severity
{
    BestPractice,
    Information,
    Low,
    Medium,
    High,
    Critical,
}
