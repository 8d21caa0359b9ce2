using System.Text.Json;
using Harrier.Engine;

namespace Harrier.Agent;

/// <summary>
/// Reads the members of a stored Invicti scan policy that the engine obeys (<c>HttpRequestSettings</c>);
/// anything absent or out of range keeps the engine's default.
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

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
