using System.Collections.Concurrent;
using Harrier.Storage.Entities;

namespace Harrier.Storage.Users;

/// <summary>
/// The users behind recently presented API tokens, by token hash, for a few seconds: a CI pipeline polling
/// <c>scans/status</c> many times a second should not cost a database read per poll just to authenticate. A token
/// replaced in this process is forgotten at once; in another process (scale-out) it stays valid until its entry
/// expires (<see cref="Lifetime"/>).
/// </summary>
public sealed class AuthenticatedUsers(TimeProvider time, TimeSpan lifetime)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (UserEntity User, DateTimeOffset Expires)> _byTokenHash = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; } = lifetime;

    public bool TryGet(string tokenHash, out UserEntity user)
    {
        user = null!;
        if (!_byTokenHash.TryGetValue(tokenHash, out var entry))
        {
            return false;
        }

        if (entry.Expires <= time.GetUtcNow())
        {
            _byTokenHash.TryRemove(KeyValuePair.Create(tokenHash, entry));
            return false;
        }

        user = entry.User;
        return true;
    }

    public void Remember(string tokenHash, UserEntity user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Lifetime <= TimeSpan.Zero)
        {
            return;
        }

        if (_byTokenHash.Count >= MaxEntries)
        {
            // Many distinct tokens at once is not the polling case this serves: start over rather than grow.
            _byTokenHash.Clear();
        }

        _byTokenHash[tokenHash] = (user, time.GetUtcNow() + Lifetime);
    }

    /// <summary>The token with this hash was replaced or revoked: the next request using it reads the database again.</summary>
    public void Forget(string tokenHash) => _byTokenHash.TryRemove(tokenHash, out _);
}
