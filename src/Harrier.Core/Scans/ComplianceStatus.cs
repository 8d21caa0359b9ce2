namespace Harrier.Core.Scans;

/// <summary>Outcome of a PCI scan task. Member names are the wire names; never rely on ordinals.</summary>
public enum ComplianceStatus
{
    Scanning,
    Passed,
    Failed,
}
