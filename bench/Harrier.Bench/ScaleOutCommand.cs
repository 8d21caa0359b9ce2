using System.Diagnostics;
using System.Globalization;
using Harrier.Core.Scans;
using Harrier.Storage.Queue;
using Harrier.TestTargets;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Bench;

/// <summary>
/// Scale-out benchmark (issue 6): claim throughput of <see cref="ScanLeases.TryClaimAsync"/> with N parallel claimers over M
/// queued scans, and scan throughput with 1, 2 and 4 <c>harrier agent</c> processes on PostgreSQL against one
/// <c>harrier serve</c> process on SQLite. Each PostgreSQL run gets a fresh database on the server named by --postgres.
/// </summary>
internal static class ScaleOutCommand
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var harrierDll = Path.GetFullPath(args.Get("harrier-dll") ?? throw new ArgumentException("--harrier-dll is required"));
        var postgres = args.Get("postgres") ?? Environment.GetEnvironmentVariable("HARRIER_TEST_POSTGRES")
            ?? throw new ArgumentException("--postgres (or HARRIER_TEST_POSTGRES) is required");
        var claims = args.GetInt("claims", 500);
        var scans = args.GetInt("scans", 16);
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions
        {
            GeneratedPages = args.GetInt("pages", 20),
            ResponseDelay = TimeSpan.FromMilliseconds(args.GetDouble("delay-ms", 5)),
        });
        Console.WriteLine($"scale-out benchmark: {Environment.ProcessorCount} CPUs, {claims} queued scans for claims, {scans} scans of {target.BaseUrl}");

        Console.WriteLine("| store | claimers | claims | seconds | claims/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        await using (var store = await BenchStore.PostgresAsync(harrierDll, postgres))
        {
            await store.QueueAsync(claims);
            foreach (var claimers in new[] { 1, 4, 16 })
            {
                await ClaimAsync(store, "PostgreSQL", claimers, claims);
            }
        }

        await using (var store = await BenchStore.SqliteAsync(harrierDll, agents: 0))
        {
            await store.QueueAsync(claims);
            foreach (var claimers in new[] { 1, 4 })
            {
                await ClaimAsync(store, "SQLite", claimers, claims);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| set-up | agents (processes × concurrency) | scans | seconds | scans/min |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        await using (var store = await BenchStore.SqliteAsync(harrierDll, agents: 2))
        {
            await ScanAsync(store, "SQLite, one `harrier serve --agents 2`", "1 × 2 (in-process)", target.BaseUrl, scans);
        }

        foreach (var processes in new[] { 1, 2, 4 })
        {
            await using var store = await BenchStore.PostgresAsync(harrierDll, postgres);
            for (var i = 0; i < processes; i++)
            {
                store.StartAgent(harrierDll, $"bench-{i}", concurrency: 2);
            }

            await ScanAsync(store, "PostgreSQL, `serve --agents 0` + `harrier agent`", $"{processes} × 2", target.BaseUrl, scans);
        }

        return 0;
    }

    private static async Task ClaimAsync(BenchStore store, string name, int claimers, int queued)
    {
        await store.RequeueAllAsync();
        var stopwatch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, claimers).Select(async i =>
        {
            var agent = new AgentIdentity(Guid.NewGuid(), $"claimer-{i}");
            var claimed = 0;
            while (true)
            {
                await using var db = store.Db();
                if (await new ScanLeases(db, TimeProvider.System).TryClaimAsync(agent, TimeSpan.FromMinutes(5), CancellationToken.None) is null)
                {
                    return claimed;
                }

                claimed++;
            }
        }));
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var total = counts.Sum();
        if (total != queued)
        {
            throw new InvalidOperationException($"{name}: {total} claims of {queued} queued scans");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {claimers} | {total} | {seconds:F2} | {total / seconds:F0} |"));
    }

    private static async Task ScanAsync(BenchStore store, string name, string agents, Uri target, int count)
    {
        await store.WaitForAgentsAsync();
        var stopwatch = Stopwatch.StartNew();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await store.LaunchAsync(target.AbsoluteUri));
        }

        while (true)
        {
            await using var db = store.Db();
            var states = await db.Scans.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => s.State).ToListAsync();
            if (states.All(s => s is ScanTaskState.Complete or ScanTaskState.Failed))
            {
                var failed = states.Count(s => s == ScanTaskState.Failed);
                var seconds = stopwatch.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {agents} | {count}{(failed > 0 ? $" ({failed} failed)" : "")} | {seconds:F1} | {count * 60 / seconds:F1} |"));
                return;
            }

            if (stopwatch.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException(name + ": scans did not finish\n" + store.Output);
            }

            await Task.Delay(100);
        }
    }
}
