namespace Harrier.Core.Scans;

/// <summary>Which weekday of the month a monthly or yearly custom recurrence runs on (contract §3.6). Member names are the wire names; never rely on ordinals.</summary>
public enum Ordinal
{
    First,
    Second,
    Third,
    Fourth,
    Last,
}
