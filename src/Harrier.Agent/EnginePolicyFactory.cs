using System.Text.Json;
using Harrier.Engine;
using Harrier.Engine.Checks;

namespace Harrier.Agent;

/// <summary>
/// Reads the members of a stored Invicti scan policy that the engine obeys: <c>HttpRequestSettings</c> (connections,
/// rate, timeout, User-Agent), <c>CrawlingSettings.MaximumCrawlerUrlCount</c> (crawl requests, at most the server's
/// <see cref="EngineOptions.MaxCrawlRequests"/>) and <c>SecurityCheckGroupParents</c> (a group whose <c>EngineGroup</c> is a
/// check id and whose <c>Enabled</c> is false switches that check off, true switches it on, e.g. the off-by-default
/// weak-credentials). Anything absent or out of range keeps the engine's default; the size limits come from the server's
/// <see cref="EngineOptions"/>.
/// </summary>
internal static class EnginePolicyFactory
{
    public static EnginePolicy From(string? settingsJson, EngineOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var policy = new EnginePolicy
        {
            MaxResponseBytes = limits.MaxResponseBytes,
            MaxEvidenceChars = limits.MaxEvidenceChars,
            MaxCrawlRequests = limits.MaxCrawlRequests,
        };
        if (string.IsNullOrWhiteSpace(settingsJson))
        {
            return policy;
        }

        using var document = JsonDocument.Parse(settingsJson);
        if (CheckSwitches(document.RootElement) is { Count: > 0 } switches)
        {
            // A check keeps its default (EnabledByDefault) unless a group switches it on or off.
            policy = policy with
            {
                EnabledCheckIds = CheckCatalog.All
                    .Where(c => switches.TryGetValue(c.Id, out var on) ? on : c.EnabledByDefault)
                    .Select(c => c.Id)
                    .ToHashSet(StringComparer.Ordinal),
            };
        }

        if (document.RootElement.TryGetProperty("CrawlingSettings", out var crawling) && crawling.ValueKind == JsonValueKind.Object
            && Int(crawling, "MaximumCrawlerUrlCount") is { } crawlCount and > 0)
        {
            // The policy may crawl less than the server allows, never more.
            policy = policy with { MaxCrawlRequests = Math.Min(crawlCount, limits.MaxCrawlRequests) };
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

    private static Dictionary<string, bool> CheckSwitches(JsonElement root)
    {
        var switches = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (!root.TryGetProperty("SecurityCheckGroupParents", out var parents) || parents.ValueKind != JsonValueKind.Array)
        {
            return switches;
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
                    && group.TryGetProperty("Enabled", out var enabled) && enabled.ValueKind is JsonValueKind.False or JsonValueKind.True)
                {
                    switches[id.GetString()!] = enabled.ValueKind == JsonValueKind.True;
                }
            }
        }

        return switches;
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
