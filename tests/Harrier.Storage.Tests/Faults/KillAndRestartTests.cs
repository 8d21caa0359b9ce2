using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Harrier.Api.Tests;
using Harrier.Core.Scans;
using Harrier.Storage.Postgres;
using Harrier.Storage.Sqlite;
using Harrier.Storage.Tests.Infrastructure;
using Harrier.TestTargets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Storage.Tests.Faults;

/// <summary>
/// Issue 9, faults, with real processes: <c>harrier serve</c> (and on PostgreSQL, <c>harrier agent</c>) killed with SIGKILL while
/// clients launch scans and while a scan writes its findings, then restarted on the same database, <see cref="KillRounds"/> times.
/// Every launch a client saw acknowledged (201) exists, the database is consistent, and every scan ends; the killed scan ends
/// Complete with exactly the findings of a reference scan of the same target.
/// </summary>
public sealed class KillAndRestartTests(PostgresDatabases postgres) : IClassFixture<PostgresDatabases>, IAsyncDisposable
{
    public const int KillRounds = 3;
    private const int LaunchClients = 6;
    private const int LaunchesBeforeKill = 15;
    private const string Token = "fault-test-token-0123456789";
    private static readonly Guid s_userId = Guid.Parse("0f4b1c2d-3e5f-4a6b-8c7d-9e0f1a2b3c4d");
    // A closed loopback port: each scan ends at once (Failed, target not reachable), so the queue drains quickly.
    private const string UnreachableTarget = "http://127.0.0.1:9/faults/";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "harrier-faults-" + Guid.NewGuid().ToString("N"));
    private readonly List<IAsyncDisposable> _cleanup = [];
    private readonly List<HarrierProcess> _processes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Sqlite_ServeKilledDuringLaunches_KeepsEveryAcknowledgedScan() => KilledDuringLaunchesAsync(Sqlite());

    [Fact]
    public async Task Postgres_ServeAndAgentKilledDuringLaunches_KeepEveryAcknowledgedScan() => await KilledDuringLaunchesAsync(await PostgresAsync());

    [Fact]
    public Task Sqlite_ServeKilledDuringAScansWrites_TheScanCompletesWithTheReferenceFindings() => KilledDuringWritesAsync(Sqlite());

    [Fact]
    public async Task Postgres_ServeAndAgentKilledDuringAScansWrites_TheScanCompletesWithTheReferenceFindings() =>
        await KilledDuringWritesAsync(await PostgresAsync());

    private async Task KilledDuringLaunchesAsync(Deployment deployment)
    {
        var acknowledged = new ConcurrentDictionary<Guid, byte>();
        var client = await deployment.StartAsync();
        for (var round = 1; round <= KillRounds; round++)
        {
            // Act: many clients launch and relaunch; SIGKILL once this round has seen enough 201s
            var before = acknowledged.Count;
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, LaunchClients).Select(n => LaunchUntilFailureAsync(client, n, acknowledged, stop.Token)).ToArray();
            await WaitUntilAsync(() => Task.FromResult(acknowledged.Count >= before + LaunchesBeforeKill || clients.All(c => c.IsCompleted)), "launches");
            deployment.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
            Assert.True(acknowledged.Count >= before + LaunchesBeforeKill, $"round {round}: the clients stopped early");

            // Assert: the database is consistent while nothing runs
            await deployment.AssertConsistentAsync();
            client = await deployment.StartAsync();

            // Assert: every acknowledged scan exists, through the API of the restarted server
            foreach (var id in acknowledged.Keys)
            {
                var (status, _) = await client.GetJsonAsync($"/api/1.0/scans/detail/{id}");
                Assert.True(status == HttpStatusCode.OK, $"round {round}: acknowledged scan {id} answered {status}");
            }
        }

        // Assert: every scan ends, and for the target's reason, not because its agent vanished
        var ids = acknowledged.Keys.ToList();
        await WaitUntilAsync(() => deployment.WithDbAsync(db => db.Scans.AllAsync(
            s => !ids.Contains(s.Id) || s.State == ScanTaskState.Complete || s.State == ScanTaskState.Failed, Ct)), "the queue to drain", TimeSpan.FromMinutes(4));
        var ends = await deployment.WithDbAsync(db => db.Scans.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.State, s.FailureReason }).ToListAsync(Ct));
        Assert.Equal(ids.Count, ends.Count);
        Assert.All(ends, e => Assert.Equal(ScanFailureReason.ScanTargetNotReachable, e.FailureReason));
        TestContext.Current.TestOutputHelper?.WriteLine($"{deployment.Name}: {KillRounds} kill rounds, {ids.Count} acknowledged launches, all present and ended");
    }

    private async Task KilledDuringWritesAsync(Deployment deployment)
    {
        // Part of the /vuln/ area (WritesAreaPages) answering slowly, a scan of a few seconds: findings of many checks and
        // severities are written while the processes are killed.
        var target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 0, ResponseDelay = TimeSpan.FromMilliseconds(20) }, Ct);
        _cleanup.Add(target);
        var url = new Uri(target.BaseUrl, "/vuln/").AbsoluteUri;
        var client = await deployment.StartAsync();

        // Arrange: the reference scan, never interrupted
        var reference = Guid.Parse((await client.LaunchAsync(url, WritesAreaSettings)).Id());
        await WaitForEndAsync(deployment, reference);

        // Act: SIGKILL everything once the scan has written findings and made progress, restart, KillRounds times
        var scan = Guid.Parse((await client.LaunchAsync(url, WritesAreaSettings)).Id());
        for (var round = 1; round <= KillRounds; round++)
        {
            await WaitUntilAsync(() => deployment.WithDbAsync(async db =>
                await db.Scans.AnyAsync(s => s.Id == scan && s.State == ScanTaskState.Scanning && s.Attempts >= round && s.CompletedSteps >= 2 * round, Ct)
                && await db.Vulnerabilities.AnyAsync(v => v.ScanId == scan, Ct)), $"round {round}: the scan to write findings");
            deployment.Kill();
            await deployment.AssertConsistentAsync();
            client = await deployment.StartAsync();
        }

        await WaitForEndAsync(deployment, scan);

        // Assert: the killed scan completed, after KillRounds + 1 claims, with the reference's findings, none lost or doubled
        var rows = await deployment.WithDbAsync(db => db.Scans.AsNoTracking().Where(s => s.Id == scan || s.Id == reference).ToListAsync(Ct));
        var row = rows.Single(s => s.Id == scan);
        Assert.True(row.State == ScanTaskState.Complete, $"{row.State} {row.FailureReason} {row.FailureDescription}");
        Assert.True(row.Attempts >= KillRounds + 1, $"attempts {row.Attempts}");
        var findings = await deployment.WithDbAsync(db => db.Vulnerabilities.AsNoTracking().Where(v => v.ScanId == scan || v.ScanId == reference)
            .Select(v => new { v.ScanId, v.Type, v.Url, v.Parameter, v.Severity }).ToListAsync(Ct));
        var killed = findings.Where(f => f.ScanId == scan).Select(f => $"{f.Type} {f.Url} {f.Parameter}").ToList();
        var referenceKeys = findings.Where(f => f.ScanId == reference).Select(f => $"{f.Type} {f.Url} {f.Parameter}").ToHashSet(StringComparer.Ordinal);
        var doubled = killed.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(doubled.Count == 0, "doubled: " + string.Join(", ", doubled));
        Assert.True(referenceKeys.SetEquals(killed), "only in the killed scan: " + string.Join(", ", killed.Except(referenceKeys))
            + " | only in the reference: " + string.Join(", ", referenceKeys.Except(killed)));

        // Assert: the reference found every catalogued vulnerability of the kept pages (findings of many checks), and each
        // scan's severity counts are its stored findings
        var catalogued = KnownVulnerabilities.All.Where(v => WritesAreaPages.Any(page => v.Path.StartsWith("/vuln/" + page, StringComparison.Ordinal))).ToList();
        var missed = catalogued.Where(v => !findings.Any(f => f.ScanId == reference && f.Type == v.Type && new Uri(f.Url).AbsolutePath == v.Path)).Select(v => v.Id).ToList();
        Assert.True(missed.Count == 0, "the reference scan missed " + string.Join(", ", missed));
        var types = catalogued.Select(v => v.Type).Distinct().Count();
        Assert.True(types >= 5, $"the kept pages hold {types} kinds of vulnerability");
        foreach (var counted in rows)
        {
            var stored = findings.Where(f => f.ScanId == counted.Id).GroupBy(f => f.Severity).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(
                (stored.GetValueOrDefault(Severity.Critical), stored.GetValueOrDefault(Severity.High), stored.GetValueOrDefault(Severity.Medium),
                    stored.GetValueOrDefault(Severity.Low), stored.GetValueOrDefault(Severity.Information), stored.GetValueOrDefault(Severity.BestPractice)),
                (counted.CriticalCount, counted.HighCount, counted.MediumCount, counted.LowCount, counted.InfoCount, counted.BestPracticeCount));
        }

        var (status, _) = await client.GetJsonAsync($"/api/1.0/scans/detail/{scan}");
        Assert.Equal(HttpStatusCode.OK, status);
        TestContext.Current.TestOutputHelper?.WriteLine($"{deployment.Name}: {KillRounds} kills during writes, attempts {row.Attempts}, "
            + $"reference {rows.Single(r => r.Id == reference).CompletedSteps} requests; {killed.Count} findings = reference {referenceKeys.Count} "
            + $"({types} types; C{row.CriticalCount} H{row.HighCount} M{row.MediumCount} L{row.LowCount} I{row.InfoCount}): "
            + string.Join(", ", referenceKeys.Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// The pages below <c>/vuln/</c> the during-writes scans keep: disclosures, open redirects, file inclusion, one
    /// reflected XSS and one error-based SQL injection (13 catalogued vulnerabilities of 10 types, every severity but
    /// BestPractice). The scans start at the <c>/vuln/</c> index, which links to them, and exclude every other link below it.
    /// </summary>
    private static readonly string[] WritesAreaPages = ["info/", "redirect/", "files/", "xss/html", "sqli/error/sqlite"];

    private static readonly object WritesAreaSettings = new
    {
        ExcludeLinks = true,
        ExcludedLinks = new[] { new { RegexPattern = @"/vuln/(?!$|\?|#|" + string.Join("|", WritesAreaPages.Select(Regex.Escape)) + ")" } },
    };

    /// <summary>One client: launches (<c>scans/new</c>) and relaunches (<c>newfromscan</c>) until the server stops answering.</summary>
    private static async Task LaunchUntilFailureAsync(HttpClient client, int n, ConcurrentDictionary<Guid, byte> acknowledged, CancellationToken stop)
    {
        await Task.Yield();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                var source = acknowledged.Keys.FirstOrDefault();
                var relaunch = i % 2 == 1 && source != Guid.Empty;
                using var content = new StringContent(relaunch ? $"\"{source}\"" : $"{{\"TargetUri\":\"{UnreachableTarget}{n}/{i}\"}}", Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(relaunch ? "/api/1.0/scans/newfromscan" : "/api/1.0/scans/new", content, stop);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Assert.Fail($"launch answered {response.StatusCode}: {await response.Content.ReadAsStringAsync(stop)}");
                }

                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(stop))!;
                var created = body is JsonArray array ? array.Single()! : body;
                acknowledged.TryAdd(Guid.Parse(created.Id()), 0);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                // The server died under this request: the client never saw a 201 for it.
                return;
            }
        }
    }

    private static Task WaitForEndAsync(Deployment deployment, Guid scan) =>
        WaitUntilAsync(() => deployment.WithDbAsync(db => db.Scans.AnyAsync(
            s => s.Id == scan && (s.State == ScanTaskState.Complete || s.State == ScanTaskState.Failed), Ct)), "the scan to end", TimeSpan.FromMinutes(4));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < (timeout ?? TimeSpan.FromSeconds(120)), "timed out waiting for " + what);
            await Task.Delay(50, Ct);
        }
    }

    private Deployment Sqlite() => new SqliteDeployment(this);

    private async Task<Deployment> PostgresAsync()
    {
        var (connectionString, drop) = await postgres.CreateEmptyAsync(Ct);
        _cleanup.Add(drop);
        return new PostgresDeployment(this, connectionString);
    }

    private HarrierProcess Start(IEnumerable<string> args, string? connectionString)
    {
        IEnumerable<KeyValuePair<string, string>> settings =
        [
            KeyValuePair.Create("HARRIER_BOOTSTRAP_USER_ID", s_userId.ToString()),
            KeyValuePair.Create("HARRIER_BOOTSTRAP_API_TOKEN", Token),
            KeyValuePair.Create("Harrier__Agent__LeaseDuration", "00:00:03"),
            KeyValuePair.Create("Harrier__Agent__HeartbeatInterval", "00:00:00.500"),
            KeyValuePair.Create("Harrier__Agent__IdlePollInterval", "00:00:00.100"),
            KeyValuePair.Create("Harrier__Agent__MaxAttempts", "20"),
        ];
        var process = HarrierProcess.Start(args, connectionString is null ? settings : settings.Append(KeyValuePair.Create("Harrier__Database__ConnectionString", connectionString)));
        _processes.Add(process);
        return process;
    }

    private static HttpClient Client(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(2),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{s_userId}:{Token}"))) },
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            await item.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: harmless in a temp directory.
        }
    }

    /// <summary>The processes under test, started and killed together, and a way to read their database directly.</summary>
    private abstract class Deployment(KillAndRestartTests test)
    {
        private readonly List<HarrierProcess> _running = [];
        private HttpClient? _client;

        public abstract string Name { get; }

        protected KillAndRestartTests Test => test;

        public async Task<HttpClient> StartAsync()
        {
            _client?.Dispose();
            var (server, others) = StartProcesses();
            _running.Add(server);
            _running.AddRange(others);
            _client = Client(await server.WaitForListeningAsync(Ct));
            test._cleanup.Add(new DisposeClient(_client));
            return _client;
        }

        public void Kill()
        {
            foreach (var process in _running)
            {
                process.Kill();
            }

            _running.Clear();
        }

        public abstract Task<T> WithDbAsync<T>(Func<HarrierDbContext, Task<T>> action);

        /// <summary>No scan without its website, group or owner; every finding belongs to a scan (and SQLite's own checks).</summary>
        public virtual async Task AssertConsistentAsync()
        {
            var orphans = await WithDbAsync(async db =>
                await db.Scans.CountAsync(s => !db.Websites.Any(w => w.Id == s.WebsiteId) || !db.Users.Any(u => u.Id == s.UserId), Ct)
                + await db.Vulnerabilities.CountAsync(v => !db.Scans.Any(s => s.Id == v.ScanId), Ct));
            Assert.Equal(0, orphans);
        }

        protected abstract (HarrierProcess Server, IEnumerable<HarrierProcess> Others) StartProcesses();
    }

    private sealed class SqliteDeployment(KillAndRestartTests test) : Deployment(test)
    {
        public override string Name => "SQLite";

        public override async Task<T> WithDbAsync<T>(Func<HarrierDbContext, Task<T>> action)
        {
            var options = new DbContextOptionsBuilder<HarrierDbContext>();
            SqliteStorage.Configure(options, Test._dataDir);
            await using var db = new HarrierDbContext(options.Options);
            return await action(db);
        }

        public override async Task AssertConsistentAsync()
        {
            await base.AssertConsistentAsync();
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Test._dataDir, SqliteStorage.FileName), Pooling = false }.ToString());
            await using (connection)
            {
                await connection.OpenAsync(Ct);
                Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
                Assert.Null(await ScalarAsync(connection, "PRAGMA foreign_key_check"));
            }

            SqliteConnection.ClearAllPools();
        }

        protected override (HarrierProcess, IEnumerable<HarrierProcess>) StartProcesses() =>
            (Test.Start(["serve", "--data-dir", Test._dataDir, "--urls", "http://127.0.0.1:0", "--agents", "4"], connectionString: null), []);

        private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(Ct);
        }
    }

    private sealed class PostgresDeployment(KillAndRestartTests test, string connectionString) : Deployment(test)
    {
        public override string Name => "PostgreSQL";

        public override async Task<T> WithDbAsync<T>(Func<HarrierDbContext, Task<T>> action)
        {
            var options = new DbContextOptionsBuilder<HarrierDbContext>();
            PostgresStorage.Configure(options, connectionString);
            await using var db = new HarrierDbContext(options.Options);
            return await action(db);
        }

        /// <summary>An API-only server and a separate agent process (four agents), as docs/scale-out.md deploys them.</summary>
        protected override (HarrierProcess, IEnumerable<HarrierProcess>) StartProcesses()
        {
            var server = Test.Start(["serve", "--agents", "0", "--database", connectionString, "--urls", "http://127.0.0.1:0",
                "--data-dir", Path.Combine(Test._dataDir, "server")], connectionString);
            var agent = Test.Start(["agent", "--database", connectionString, "--name", "faults", "--concurrency", "4",
                "--data-dir", Path.Combine(Test._dataDir, "agent")], connectionString);
            return (server, [agent]);
        }
    }

    private sealed class DisposeClient(HttpClient client) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            client.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
