namespace Harrier.Core.Scans;

/// <summary>What a running scan is doing (Invicti <c>ScanTaskPhase</c>). Member names are the wire names; never rely on ordinals.</summary>
public enum ScanTaskPhase
{
    Pending,
    Crawling,
    CrawlingAndAttacking,
    Attacking,
    ReCrawling,
    Complete,
}
