namespace Harrier.Core.Scans;

/// <summary>When a custom recurrence stops (contract §3.6; <c>Occurences</c> is the vendor's spelling). Member names are the wire names; never rely on ordinals.</summary>
public enum EndingType
{
    Never,
    Date,
    Occurences,
}
