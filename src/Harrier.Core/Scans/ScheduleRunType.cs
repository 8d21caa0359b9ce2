namespace Harrier.Core.Scans;

/// <summary>How often a scheduled scan repeats (contract §3.6); <c>Custom</c> follows the schedule's recurrence. Member names are the wire names; never rely on ordinals.</summary>
public enum ScheduleRunType
{
    Once,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Biannually,
    Yearly,
    Custom,
}
