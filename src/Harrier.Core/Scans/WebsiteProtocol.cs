namespace Harrier.Core.Scans;

/// <summary>Default protocol of a website. Member names are the wire names; never rely on ordinals.</summary>
public enum WebsiteProtocol
{
    Http,
    Https,
}
