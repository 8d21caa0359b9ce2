namespace Harrier.Core.Scans;

/// <summary>Outcome of deleting a scan profile. Member names are the wire names; never rely on ordinals.</summary>
public enum ScanProfileDeleteResult
{
    Ok,
    NotExists,
    HasActiveScan,
}
