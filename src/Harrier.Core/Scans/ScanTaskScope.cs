namespace Harrier.Core.Scans;

/// <summary>Which URLs a scan may request. Member names are the wire names; never rely on ordinals.</summary>
public enum ScanTaskScope
{
    EnteredPathAndBelow,
    OnlyEnteredUrl,
    WholeDomain,
}
