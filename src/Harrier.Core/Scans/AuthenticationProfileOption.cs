namespace Harrier.Core.Scans;

/// <summary>How an authentication profile is chosen for a scan. Member names are the wire names; never rely on ordinals.</summary>
public enum AuthenticationProfileOption
{
    DontUse,
    UseMatchedProfile,
    SelectedProfile,
}
