using System.Diagnostics;
using Harrier.Engine.Tests.Infrastructure;
using Harrier.TestTargets;

namespace Harrier.Engine.Tests;

/// <summary>
/// Issue 9, hostile targets: a raw TCP server (<see cref="HostileTcpServer"/>) that stalls, resets, answers slowly or
/// answers garbage. Whatever it does, the scan ends — completed, or failed with a reason and a description — within its request timeouts, and never throws.
/// </summary>
public sealed class HostileTargetTests
{
    public static TheoryData<string> Behaviours => [.. HostileTcpServer.Behaviours];

    [Theory]
    [MemberData(nameof(Behaviours))]
    public async Task Scan_OfAHostileTarget_EndsWithAnOutcomeAndAReason(string behaviour)
    {
        // Arrange
        await using var server = HostileTcpServer.Start(behaviour);
        var policy = Scans.FastPolicy with { RequestTimeout = TimeSpan.FromSeconds(2), MaxResponseBytes = 64 * 1024 };
        var started = Stopwatch.GetTimestamp();

        // Act
        var outcome = await Scans.RunAsync(Scans.Configuration(server.AppUrl), new RecordingSink(), policy);

        // Assert
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{behaviour}: {outcome.Kind} {outcome.FailureReason} \"{outcome.FailureDescription}\" after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s, {outcome.RequestsSent} requests");
        Assert.True(outcome.Kind is ScanOutcomeKind.Completed or ScanOutcomeKind.Failed, outcome.Kind.ToString());
        if (outcome.Kind == ScanOutcomeKind.Failed)
        {
            Assert.NotNull(outcome.FailureReason);
            Assert.False(string.IsNullOrWhiteSpace(outcome.FailureDescription));
        }
    }
}
