namespace Harrier.Core.Scans;

/// <summary>Full scan, retest of earlier issues, or incremental scan. Member names are the wire names; never rely on ordinals.</summary>
public enum ScanType
{
    Full,
    Retest,
    Incremental,
}
