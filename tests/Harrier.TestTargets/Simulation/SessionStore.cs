using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Harrier.TestTargets.Simulation;

/// <summary>Server-side sessions of the login area: opaque random tokens mapped to a user name.</summary>
internal sealed class SessionStore
{
    /// <summary>A scanner that logs in again and again must not grow memory without bound.</summary>
    private const int MaxSessions = 10_000;

    private readonly ConcurrentDictionary<string, string> _sessions = new(StringComparer.Ordinal);

    public string Create(string userName)
    {
        if (_sessions.Count >= MaxSessions)
        {
            _sessions.Clear();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _sessions[token] = userName;
        return token;
    }

    public string? Find(string? token) =>
        token is not null && _sessions.TryGetValue(token, out var user) ? user : null;

    public void Remove(string? token)
    {
        if (token is not null)
        {
            _sessions.TryRemove(token, out _);
        }
    }

    public void Clear() => _sessions.Clear();
}
