namespace Harrier.Core.Scans;

/// <summary>One day's rule: scanning allowed or forbidden between <see cref="From"/> and <see cref="To"/>.</summary>
public sealed record ScanTimeWindowItem(DayOfWeek Day, TimeOnly From, TimeOnly To, bool ScanningAllowed)
{
    /// <summary>
    /// Whether <paramref name="time"/> falls in [From, To). A range with To before From wraps midnight;
    /// From equal to To covers the whole day.
    /// </summary>
    public bool Contains(TimeOnly time) =>
        From == To || (From < To ? time >= From && time < To : time >= From || time < To);
}
