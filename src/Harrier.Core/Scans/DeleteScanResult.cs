namespace Harrier.Core.Scans;

/// <summary>Outcome of deleting scans. Member names are the wire names; never rely on ordinals.</summary>
public enum DeleteScanResult
{
    Ok,
    OnGoingScanExisting,
    SomeOfScansNotFound,
}
