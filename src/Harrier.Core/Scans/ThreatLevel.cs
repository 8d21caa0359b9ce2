namespace Harrier.Core.Scans;

/// <summary>Overall verdict of a scan, derived from its worst finding. Member names are the wire names; never rely on ordinals.</summary>
public enum ThreatLevel
{
    Unknown,
    Secure,
    NeedsAttention,
    Insecure,
    Critical,
}
