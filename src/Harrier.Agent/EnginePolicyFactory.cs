using System.Text.Json;
using Harrier.Engine;
using Harrier.Engine.Checks;

namespace Harrier.Agent;

/// <summary>
/// Reads the members of a stored Invicti scan policy that the engine obeys: <c>HttpRequestSettings</c> (connections,
/// rate, timeout, User-Agent) and <c>SecurityCheckGroupParents</c> (a group whose <c>EngineGroup</c> is a check id and
/// whose <c>Enabled</c> is false switches that check off). Anything absent or out of range keeps the engine's default.
/// </summary>
internal static class EnginePolicyFactory
{
    public static EnginePolicy From(string? settingsJson)
    {
        var policy = new EnginePolicy();
        if (string.IsNullOrWhiteSpace(settingsJson))
        {
            return policy;
        }

        using var document = JsonDocument.Parse(settingsJson);
        if (DisabledChecks(document.RootElement) is { Count: > 0 } disabled)
        {
            policy = policy with { EnabledCheckIds = CheckCatalog.All.Select(c => c.Id).Where(id => !disabled.Contains(id)).ToHashSet(StringComparer.Ordinal) };
        }

        if (!document.RootElement.TryGetProperty("HttpRequestSettings", out var http) || http.ValueKind != JsonValueKind.Object)
        {
            return policy;
        }

        if (Int(http, "ConcurrentConnectionCount") is { } concurrency and >= 1 and <= 256)
        {
            policy = policy with { MaxConcurrency = concurrency, InitialConcurrency = Math.Min(policy.InitialConcurrency, concurrency) };
        }

        if (Int(http, "RequestsPerSecond") is { } rate and >= 0 and <= 100_000)
        {
            policy = policy with { RequestsPerSecond = rate };
        }

        if (Int(http, "RequestTimeout") is { } seconds and >= 1 and <= 600)
        {
            policy = policy with { RequestTimeout = TimeSpan.FromSeconds(seconds) };
        }

        if (http.TryGetProperty("UserAgent", out var agent) && agent.ValueKind == JsonValueKind.String && agent.GetString() is { Length: > 0 } userAgent)
        {
            policy = policy with { UserAgent = userAgent };
        }

        return policy;
    }

    private static HashSet<string> DisabledChecks(JsonElement root)
    {
        var disabled = new HashSet<string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("SecurityCheckGroupParents", out var parents) || parents.ValueKind != JsonValueKind.Array)
        {
            return disabled;
        }

        foreach (var parent in parents.EnumerateArray())
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty("SecurityCheckGroups", out var groups) || groups.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var group in groups.EnumerateArray())
            {
                if (group.ValueKind == JsonValueKind.Object
                    && group.TryGetProperty("EngineGroup", out var id) && id.ValueKind == JsonValueKind.String
                    && group.TryGetProperty("Enabled", out var enabled) && enabled.ValueKind == JsonValueKind.False)
                {
                    disabled.Add(id.GetString()!);
                }
            }
        }

        return disabled;
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
