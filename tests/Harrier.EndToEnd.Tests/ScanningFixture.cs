using Harrier.Api.Tests;

namespace Harrier.EndToEnd.Tests;

/// <summary>A Harrier server with two in-process agents that poll and heartbeat quickly, so tests see changes fast.</summary>
public sealed class ScanningFixture : HarrierApiFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        KeyValuePair.Create("Harrier:Agents", (string?)"2"),
        KeyValuePair.Create("Harrier:Agent:IdlePollInterval", (string?)"00:00:00.100"),
        KeyValuePair.Create("Harrier:Agent:ControlPollInterval", (string?)"00:00:00.100"),
        KeyValuePair.Create("Harrier:Agent:HeartbeatInterval", (string?)"00:00:01"),
    ];
}
