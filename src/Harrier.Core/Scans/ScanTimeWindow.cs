namespace Harrier.Core.Scans;

/// <summary>Days and hours when scanning is allowed or forbidden.</summary>
public sealed record ScanTimeWindow(IReadOnlyList<ScanTimeWindowItem> Items)
{
    /// <summary>
    /// Whether a scan may send requests at <paramref name="localTime"/>. Items for the day decide;
    /// a day with no item is allowed. Within a day, a forbidding item wins over an allowing one.
    /// </summary>
    public bool IsScanningAllowed(DateTime localTime)
    {
        var now = TimeOnly.FromDateTime(localTime);
        var today = Items.Where(i => i.Day == localTime.DayOfWeek).ToList();
        if (today.Count == 0)
        {
            return true;
        }

        if (today.Any(i => !i.ScanningAllowed && i.Contains(now)))
        {
            return false;
        }

        var allowing = today.Where(i => i.ScanningAllowed).ToList();
        return allowing.Count == 0 || allowing.Any(i => i.Contains(now));
    }
}
