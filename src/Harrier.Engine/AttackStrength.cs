namespace Harrier.Engine;

/// <summary>
/// How hard active checks try on each insertion point. It caps the requests one check may send per insertion point:
/// 6 (Low), 12 (Medium), 24 (High), 75 (Insane). Member names are the wire names; never rely on ordinals.
/// </summary>
public enum AttackStrength
{
    Low,
    Medium,
    High,
    Insane,
}
