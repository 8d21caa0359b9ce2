namespace Harrier.Core.Scans;

/// <summary>A month of a yearly custom recurrence (contract §3.6). Member names are the wire names; never rely on ordinals.</summary>
public enum MonthOfYear
{
    January,
    February,
    March,
    April,
    May,
    June,
    July,
    August,
    September,
    October,
    November,
    December,
}
