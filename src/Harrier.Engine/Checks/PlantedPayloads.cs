using System.Collections.Concurrent;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;

namespace Harrier.Engine.Checks;

/// <summary>A token-marked payload an active check submitted and expects the target may have stored.</summary>
internal sealed record PlantedPayload(string Token, string Payload, ScanHttpRequest Request, InsertionPoint Point);

/// <summary>
/// The scan-wide ledger of planted payloads: filled during the attack phase (<see cref="ActiveCheckContext.Plant"/>),
/// read by the second look (<see cref="ISecondLookCheck"/>) once every attack has run. Thread-safe.
/// </summary>
internal sealed class PlantedPayloads
{
    private readonly ConcurrentDictionary<string, PlantedPayload> _byToken = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _byToken.Count;

    public void Add(PlantedPayload planted)
    {
        ArgumentNullException.ThrowIfNull(planted);
        _byToken.TryAdd(planted.Token, planted);
    }

    public PlantedPayload? Find(string token) => _byToken.TryGetValue(token, out var planted) ? planted : null;

    public IReadOnlyCollection<PlantedPayload> All => [.. _byToken.Values];
}
