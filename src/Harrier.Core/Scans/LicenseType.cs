namespace Harrier.Core.Scans;

/// <summary>Licensing model of a website (kept for wire compatibility). Member names are the wire names; never rely on ordinals.</summary>
public enum LicenseType
{
    Subscription,
    Credit,
}
