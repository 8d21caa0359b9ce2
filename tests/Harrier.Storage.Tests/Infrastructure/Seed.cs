using Harrier.Core.Scans;
using Harrier.Storage.Entities;

namespace Harrier.Storage.Tests.Infrastructure;

/// <summary>Rows the contract tests start from.</summary>
internal static class Seed
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static ScanEntity Scan(DateTime initiatedAt, string? agentName = null, string? agentGroup = null) => new()
    {
        Id = Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        WebsiteId = Guid.NewGuid(),
        ScanTaskGroupId = Guid.NewGuid(),
        Configuration = new ScanConfiguration { TargetUrl = "http://127.0.0.1:9/", AgentName = agentName, AgentGroupName = agentGroup, Tags = ["a", "b"] },
        TargetUrl = "http://127.0.0.1:9/",
        InitiatedAt = initiatedAt,
        RequiredAgentName = Queue.AgentIdentity.RoutingKey(agentName),
        RequiredAgentGroupName = Queue.AgentIdentity.RoutingKey(agentGroup),
    };

    public static VulnerabilityEntity Finding(Guid scanId, string fingerprint, DateTime foundAt) => new()
    {
        Id = Guid.NewGuid(),
        ScanId = scanId,
        WebsiteId = Guid.NewGuid(),
        CheckId = "xss",
        Type = "Xss",
        Title = "Cross-site Scripting",
        Severity = Severity.High,
        Url = "http://127.0.0.1:9/?q=1",
        Method = "GET",
        Fingerprint = fingerprint,
        FoundAt = foundAt,
    };
}
