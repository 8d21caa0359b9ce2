namespace Harrier.Core.Scans;

/// <summary>Where a website is scanned from. Member names are the wire names; never rely on ordinals.</summary>
public enum AgentMode
{
    Cloud,
    Internal,
}
