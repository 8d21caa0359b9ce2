using System.Collections.Concurrent;

namespace Harrier.Server.Scans;

/// <summary>
/// How many visible (not deleted) scans each user has: the <c>TotalItemCount</c> of <c>scans/list</c>. Counting reads every
/// index entry of the user's scans (milliseconds per page at 100,000 scans), and CI scripts page the list often, so a count
/// is kept for a second. This server forgets a user's count as soon as it launches or deletes one of their scans; another
/// server's launches show within the second.
/// </summary>
internal sealed class VisibleScanCounts(TimeProvider time)
{
    private static readonly TimeSpan s_lifetime = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<Guid, (int Count, DateTimeOffset Expires)> _counts = new();

    public async Task<int> GetAsync(Guid userId, Func<Task<int>> count)
    {
        if (_counts.TryGetValue(userId, out var kept) && kept.Expires > time.GetUtcNow())
        {
            return kept.Count;
        }

        var fresh = await count().ConfigureAwait(false);
        _counts[userId] = (fresh, time.GetUtcNow() + s_lifetime);
        return fresh;
    }

    public void Forget(Guid userId) => _counts.TryRemove(userId, out _);
}
