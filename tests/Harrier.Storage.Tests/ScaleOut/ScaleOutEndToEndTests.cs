using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Harrier.Agent;
using Harrier.Api.Tests;
using Harrier.Core.Scans;
using Harrier.Storage.Postgres;
using Harrier.Storage.Tests.Infrastructure;
using Harrier.TestTargets;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Storage.Tests.ScaleOut;

/// <summary>
/// DESIGN §7 with real processes: two <c>harrier serve --agents 0</c> and three <c>harrier agent</c> on one fresh PostgreSQL
/// database, 20 scans launched through both servers. One agent is killed with SIGKILL in the middle of a scan: its lease expires,
/// another agent finishes the scan; every scan finds what a scan run alone found, none doubled; no scan ever has two live leases.
/// Another agent stopped with SIGTERM gives its scan back at once.
/// </summary>
public sealed class ScaleOutEndToEndTests(PostgresDatabases databases) : IClassFixture<PostgresDatabases>, IAsyncDisposable
{
    private static readonly Guid s_userId = Guid.Parse("5e1c7a20-9b3d-4f6e-8a21-0c9d8e7f6a50");
    private const string Token = "scale-out-test-token-0123456789";
    private const int Scans = 20;
    private const int Concurrency = 2;
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(3);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "harrier-scaleout-" + Guid.NewGuid().ToString("N"));
    private readonly List<IAsyncDisposable> _cleanup = [];
    private readonly List<HarrierProcess> _processes = [];
    private readonly List<HttpClient> _clients = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AgentKilledMidScan_ItsScanIsFinishedByAnother_WithoutDuplicateFindings_AndNeverTwoLiveLeases()
    {
        // Arrange: one empty database, a small slow target, two API servers starting at once, three agent processes
        var (connectionString, drop) = await databases.CreateEmptyAsync(Ct);
        _cleanup.Add(drop);
        var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 5, ResponseDelay = TimeSpan.FromMilliseconds(3) }, Ct);
        _cleanup.Add(target);
        var servers = await Task.WhenAll(StartServerAsync(connectionString, 0), StartServerAsync(connectionString, 1));
        var agents = new Dictionary<string, HarrierProcess>();
        foreach (var name in new[] { "agent-a", "agent-b", "agent-c" })
        {
            agents[name] = StartAgent(connectionString, name);
        }

        await WaitForAgentsAsync(connectionString, ["agent-a", "agent-b", "agent-c"]);
        var agentA = Identities("agent-a");
        var agentB = Identities("agent-b");
        using var watching = new CancellationTokenSource();
        var leases = new ConcurrentQueue<LeaseSnapshot>();
        var watcher = WatchLeasesAsync(connectionString, leases, watching.Token);

        // Act 1: the reference scan, run alone
        var reference = Guid.Parse((await servers[0].LaunchAsync(target.BaseUrl.AbsoluteUri)).Id());
        await WaitForEndAsync(connectionString, [reference]);

        // Act 2: 20 scans through both servers alternately; SIGKILL agent-a once one of its scans is well under way
        var scanIds = new List<Guid>();
        for (var i = 0; i < Scans; i++)
        {
            scanIds.Add(Guid.Parse((await servers[i % 2].LaunchAsync(target.BaseUrl.AbsoluteUri)).Id()));
        }

        await WaitForAsync(connectionString, async db => await db.Scans
            .Where(s => agentA.Contains(s.AgentId!.Value) && s.State == ScanTaskState.Scanning && s.CompletedSteps > 40)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(Ct));
        agents["agent-a"].Kill();
        var killedScans = await WithDbAsync(connectionString, db => db.Scans.AsNoTracking()
            .Where(s => s.AgentId != null && agentA.Contains(s.AgentId.Value) && s.State == ScanTaskState.Scanning).Select(s => s.Id).ToListAsync(Ct));

        // Act 3: SIGTERM agent-b while it runs a scan: that scan goes back to the queue at once, not after its lease
        var releasedScan = await WaitForAsync(connectionString, async db => await db.Scans
            .Where(s => agentB.Contains(s.AgentId!.Value) && s.State == ScanTaskState.Scanning && s.CompletedSteps > 20)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(Ct));
        var terminatedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        var exitCode = await agents["agent-b"].TerminateAsync(Ct);
        var afterStop = await WithDbAsync(connectionString, db => db.Scans.AsNoTracking().SingleAsync(s => s.Id == releasedScan, Ct));

        // Act 4: agent-c and a fresh agent-d finish everything
        agents["agent-d"] = StartAgent(connectionString, "agent-d");
        await WaitForEndAsync(connectionString, scanIds);
        await watching.CancelAsync();
        await watcher;
        var (agentsStatus, agentsList) = await servers[0].GetJsonAsync("/api/1.0/agents/list");

        // Assert: every scan complete; the killed and released scans finished elsewhere
        var scans = await WithDbAsync(connectionString, db => db.Scans.AsNoTracking().Where(s => scanIds.Contains(s.Id) || s.Id == reference).ToListAsync(Ct));
        Assert.Equal(Scans + 1, scans.Count);
        Assert.All(scans, s => Assert.True(s.State == ScanTaskState.Complete, $"{s.Id} ended {s.State} {s.FailureReason} {s.FailureDescription}"));
        Assert.NotEmpty(killedScans);
        Assert.All(killedScans, id =>
        {
            var killed = scans.Single(s => s.Id == id);
            Assert.DoesNotContain(killed.AgentId!.Value, agentA);
            Assert.True(killed.Attempts >= 2, $"attempts {killed.Attempts}");
        });
        Assert.Equal(0, exitCode);
        Assert.True(afterStop.AgentId is null || !agentB.Contains(afterStop.AgentId.Value), $"still held by {afterStop.AgentName}");
        Assert.True(afterStop.State is ScanTaskState.Queued or ScanTaskState.Scanning, afterStop.State.ToString());

        // Assert: findings — none doubled, and every scan (the killed ones included) found what the scan run alone found
        var findings = await WithDbAsync(connectionString, db => db.Vulnerabilities.AsNoTracking().Where(v => scanIds.Contains(v.ScanId) || v.ScanId == reference)
            .Select(v => new { v.ScanId, v.Type, v.Url, v.Parameter }).ToListAsync(Ct));
        foreach (var scan in findings.GroupBy(f => f.ScanId))
        {
            Assert.Equal(scan.Count(), scan.Select(f => (f.Type, f.Url, f.Parameter)).Distinct().Count());
        }

        var referenceKeys = Keys(findings.Where(f => f.ScanId == reference).Select(f => (f.Type, f.Url)));
        Assert.NotEmpty(referenceKeys);
        Assert.All(scanIds, id =>
        {
            var keys = Keys(findings.Where(f => f.ScanId == id).Select(f => (f.Type, f.Url)));
            Assert.True(keys.SetEquals(referenceKeys), $"scan {id}{(killedScans.Contains(id) ? " (killed)" : "")}: only here: "
                + string.Join(", ", keys.Except(referenceKeys)) + " | only reference: " + string.Join(", ", referenceKeys.Except(keys)));
        });

        // Assert: no scan ever had two live leases
        Assert.True(AssertNeverTwoLiveLeases([.. leases], agentA, agentB, terminatedAt) >= killedScans.Count + 1, "the watcher missed the handovers");
        Assert.All(killedScans, id => Assert.Contains(leases, s => s.ScanId == id && s.AgentId is { } a && !agentA.Contains(a)));

        // Assert: the agents as the API lists them
        Assert.Equal(HttpStatusCode.OK, agentsStatus);
        var listed = agentsList!["List"]!.AsArray().ToDictionary(a => (string)a!["Name"]!, a => (string)a!["State"]!);
        Assert.Equal("NotAvailable", listed["agent-a-1"]);
        Assert.Equal("Terminated", listed["agent-b-1"]);
        Assert.Contains(listed["agent-c-1"], new[] { "Waiting", "Scanning" });
        Assert.Equal(4 * Concurrency, (int)agentsList["TotalItemCount"]!);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var process in _processes)
        {
            process.Dispose();
        }

        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            await item.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or a file still held open: harmless in a temp directory.
        }
    }

    private sealed record LeaseSnapshot(Guid ScanId, Guid? AgentId, DateTime? StartedAt, DateTime? LeaseExpiresAt, ScanTaskState State);

    private static Guid[] Identities(string name) => [.. Enumerable.Range(1, Concurrency).Select(i => ScanAgentService.Identity(name, i).Id)];

    internal static SortedSet<string> Keys(IEnumerable<(string Type, string Url)> findings) =>
        new(findings.Where(f => !IsCookieHole(f.Url) && f.Type != "PermanentXss").Select(f => $"{f.Type} {f.Url}"), StringComparer.Ordinal);

    // Stored XSS is left out of the comparison too: the 20 scans share one guestbook that shows its 20 newest comments,
    // so concurrent scans can push each other's planted payloads out before they are looked for.

    /// <summary>Whether a cookie set by the page under attack is attacked depends on response order (docs/engine.md, Known gaps).</summary>
    private static bool IsCookieHole(string url) =>
        KnownVulnerabilities.All.Any(v => v.Location == ParameterLocation.Cookie && new Uri(url).AbsolutePath == v.Path);

    private static IEnumerable<KeyValuePair<string, string>> Settings(string connectionString) =>
    [
        KeyValuePair.Create("Harrier__Database__ConnectionString", connectionString),
        KeyValuePair.Create("Harrier__Agent__LeaseDuration", s_lease.ToString()),
        KeyValuePair.Create("Harrier__Agent__HeartbeatInterval", "00:00:00.500"),
        KeyValuePair.Create("Harrier__Agent__IdlePollInterval", "00:00:00.100"),
        KeyValuePair.Create("Harrier__Agent__ControlPollInterval", "00:00:00.200"),
        KeyValuePair.Create("Harrier__Agent__MaxAttempts", "5"),
        // This test is about leases, not findings: without the out-of-band checks' callback waits each scan is shorter.
        KeyValuePair.Create("Harrier__OutOfBand__Enabled", "false"),
    ];

    private HarrierProcess StartAgent(string connectionString, string name)
    {
        var process = HarrierProcess.Start(
            ["agent", "--database", connectionString, "--name", name, "--concurrency", Concurrency.ToString(CultureInfo.InvariantCulture),
                "--data-dir", Path.Combine(_dataDir, name)],
            Settings(connectionString));
        lock (_processes)
        {
            _processes.Add(process);
        }

        return process;
    }

    private async Task<HttpClient> StartServerAsync(string connectionString, int index)
    {
        var process = HarrierProcess.Start(
            ["serve", "--agents", "0", "--database", connectionString, "--urls", "http://127.0.0.1:0", "--data-dir", Path.Combine(_dataDir, "server-" + index)],
            [.. Settings(connectionString), KeyValuePair.Create("HARRIER_BOOTSTRAP_USER_ID", s_userId.ToString()), KeyValuePair.Create("HARRIER_BOOTSTRAP_API_TOKEN", Token)]);
        lock (_processes)
        {
            _processes.Add(process);
        }

        var client = new HttpClient { BaseAddress = await process.WaitForListeningAsync(Ct) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{s_userId}:{Token}")));
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>Waits until every agent of the named processes has registered (the processes have migrated and started).</summary>
    private async Task WaitForAgentsAsync(string connectionString, string[] names)
    {
        var ids = names.SelectMany(Identities).ToList();
        var started = TimeProvider.System.GetTimestamp();
        while (await WithDbAsync(connectionString, db => db.Agents.CountAsync(a => ids.Contains(a.Id), Ct)) < ids.Count)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(60),
                "the agents never registered:\n" + string.Join("\n", _processes.Select(p => p.Output)));
            await Task.Delay(100, Ct);
        }
    }

    private static async Task WaitForEndAsync(string connectionString, IReadOnlyCollection<Guid> ids)
    {
        await WaitForAsync(connectionString, async db =>
            await db.Scans.CountAsync(s => ids.Contains(s.Id) && (s.State == ScanTaskState.Complete || s.State == ScanTaskState.Failed), Ct) == ids.Count
                ? Guid.Empty : null,
            TimeSpan.FromMinutes(6));
    }

    /// <summary>Polls the scans' lease columns (every 50 ms) until stopped.</summary>
    private static async Task WatchLeasesAsync(string connectionString, ConcurrentQueue<LeaseSnapshot> snapshots, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var rows = await WithDbAsync(connectionString, db => db.Scans.AsNoTracking()
                    .Select(s => new LeaseSnapshot(s.Id, s.AgentId, s.StartedAt, s.LeaseExpiresAt, s.State)).ToListAsync(stop));
                foreach (var row in rows)
                {
                    snapshots.Enqueue(row);
                }

                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// For every scan, in the order the watcher saw them: the holder changes only after the previous holder's lease ran out
    /// (the new claim starts no earlier than the last expiry seen for the old holder), or after the old holder gave the scan back
    /// (seen without an agent in between: a release, or a requeue by the reaper, which only takes expired leases). A killed holder
    /// cannot give anything back, so a scan it held is claimed again only after its last lease expiry, whatever was seen between.
    /// </summary>
    private static int AssertNeverTwoLiveLeases(IReadOnlyList<LeaseSnapshot> snapshots, Guid[] killedAgent, Guid[] terminatedAgent, DateTime terminatedAt)
    {
        Assert.NotEmpty(snapshots);
        var handovers = 0;
        foreach (var history in snapshots.GroupBy(s => s.ScanId))
        {
            (Guid Agent, DateTime? Expiry)? holder = null;
            var givenBack = false;
            foreach (var row in history)
            {
                if (row.AgentId is not { } agent)
                {
                    givenBack = true;
                    continue;
                }

                if (holder is { } previous && previous.Agent != agent)
                {
                    handovers++;
                    var released = (givenBack && !killedAgent.Contains(previous.Agent))
                        || (terminatedAgent.Contains(previous.Agent) && row.StartedAt >= terminatedAt);
                    Assert.True(released || row.StartedAt >= previous.Expiry,
                        $"scan {row.ScanId}: {agent} claimed it at {row.StartedAt:O} while {previous.Agent}'s lease ran to {previous.Expiry:O}");
                }

                holder = (agent, row.LeaseExpiresAt ?? (holder is { } same && same.Agent == agent ? same.Expiry : null));
                givenBack = false;
            }
        }

        return handovers;
    }

    private static async Task<Guid> WaitForAsync(string connectionString, Func<HarrierDbContext, Task<Guid?>> probe, TimeSpan? timeout = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (await WithDbAsync(connectionString, probe) is { } found)
            {
                return found;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < (timeout ?? TimeSpan.FromSeconds(90)), "timed out waiting");
            await Task.Delay(50, Ct);
        }
    }

    private static async Task<T> WithDbAsync<T>(string connectionString, Func<HarrierDbContext, Task<T>> action)
    {
        var options = new DbContextOptionsBuilder<HarrierDbContext>();
        PostgresStorage.Configure(options, connectionString);
        await using var db = new HarrierDbContext(options.Options);
        return await action(db);
    }
}
