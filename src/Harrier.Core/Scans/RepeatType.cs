namespace Harrier.Core.Scans;

/// <summary>The unit of a custom recurrence (contract §3.6). Member names are the wire names; never rely on ordinals.</summary>
public enum RepeatType
{
    Days,
    Weeks,
    Months,
    Years,
}
