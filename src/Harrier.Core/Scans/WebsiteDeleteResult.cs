namespace Harrier.Core.Scans;

/// <summary>Outcome of deleting a website. Member names are the wire names; never rely on ordinals.</summary>
public enum WebsiteDeleteResult
{
    Ok,
    NotFound,
    OnGoingScanExisting,
    OnGoingPciScanExisting,
}
