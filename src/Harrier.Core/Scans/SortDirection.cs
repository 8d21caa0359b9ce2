namespace Harrier.Core.Scans;

/// <summary>Sort order of list endpoints. Member names are the wire names; never rely on ordinals.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}
