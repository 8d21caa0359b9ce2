namespace Harrier.Core.Scans;

/// <summary>Whether a launch targets one website or a website group. Member names are the wire names; never rely on ordinals.</summary>
public enum CreateType
{
    Website,
    WebsiteGroup,
}
