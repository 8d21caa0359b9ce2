namespace Harrier.Core.Scans;

/// <summary>Outcome of a scheduled scan's last launch attempt (contract §3.6). Member names are the wire names; never rely on ordinals.</summary>
public enum ScanLaunchStatus
{
    Ok,
    LicenseError,
}
