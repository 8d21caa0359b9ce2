namespace Harrier.Core.Scans;

/// <summary>State of a PCI scan task. Member names are the wire names; never rely on ordinals.</summary>
public enum PciScanState
{
    New,
    Running,
    Stopped,
    Deleted,
    Done,
}
