using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Harrier.Core.Scans;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Harrier.Storage.Postgres;
using Harrier.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Harrier.Bench;

/// <summary>A database (fresh PostgreSQL database or SQLite data directory) with one <c>harrier serve</c> and optional agent processes.</summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private const string UserId = "0b5e7c1a-2d3f-4a5b-8c6d-7e8f9a0b1c2d";
    private const string Token = "bench-scaleout-token-0123456789";
    private readonly List<ChildProcess> _processes = [];
    private readonly HttpClient _http;
    private readonly Action<DbContextOptionsBuilder> _configure;
    private readonly Func<Task> _drop;
    private readonly int _inProcessAgents;
    private readonly List<string> _agentNames = [];

    private BenchStore((ChildProcess Process, HttpClient Http) serve, Action<DbContextOptionsBuilder> configure, Func<Task> drop, int inProcessAgents)
    {
        _processes.Add(serve.Process);
        _http = serve.Http;
        _configure = configure;
        _drop = drop;
        _inProcessAgents = inProcessAgents;
    }

    /// <summary>The <c>Authorization</c> header value of the bootstrap user, for load generators.</summary>
    public static string Authorization => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserId}:{Token}"));

    public Uri BaseUrl => _http.BaseAddress!;

    public HttpClient Http => _http;

    public string Output => string.Join("\n", _processes.Select(p => p.Output));

    private string? ConnectionString { get; init; }

    public static async Task<BenchStore> PostgresAsync(string harrierDll, string server)
    {
        var name = "harrier_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 40 }.ConnectionString;
        var store = new BenchStore(await ServeAsync(harrierDll, ["--agents", "0", "--database", connectionString]), o => PostgresStorage.Configure(o, connectionString),
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }, 0) { ConnectionString = connectionString };
        return store;
    }

    public static async Task<BenchStore> SqliteAsync(string harrierDll, int agents)
    {
        var dataDir = Directory.CreateTempSubdirectory("harrier-bench-scaleout-").FullName;
        return new BenchStore(await ServeAsync(harrierDll, ["--agents", agents.ToString(CultureInfo.InvariantCulture), "--data-dir", dataDir]),
            o => SqliteStorage.Configure(o, dataDir), () =>
            {
                Directory.Delete(dataDir, recursive: true);
                return Task.CompletedTask;
            }, agents);
    }

    public HarrierDbContext Db()
    {
        var options = new DbContextOptionsBuilder<HarrierDbContext>();
        _configure(options);
        return new HarrierDbContext(options.Options);
    }

    public void StartAgent(string harrierDll, string name, int concurrency)
    {
        _processes.Add(ChildProcess.Start("dotnet",
            [harrierDll, "agent", "--database", ConnectionString!, "--name", name, "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture),
                "--data-dir", Directory.CreateTempSubdirectory("harrier-bench-agent-").FullName],
            new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning", ["Harrier__Agent__IdlePollInterval"] = "00:00:00.200" }));
        _agentNames.AddRange(Enumerable.Range(1, concurrency).Select(i => $"{name}-{i}"));
    }

    public async Task WaitForAgentsAsync()
    {
        var expected = _agentNames.Count + _inProcessAgents;
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var db = Db();
            if (await db.Agents.CountAsync(a => a.State != AgentState.Terminated && a.State != AgentState.NotAvailable) >= expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("agents did not register\n" + Output);
    }

    public async Task QueueAsync(int count)
    {
        var launches = Enumerable.Range(0, count).Select(i => $"http://127.0.0.1:9/claim-{i}/").Chunk(8);
        foreach (var chunk in launches)
        {
            await Task.WhenAll(chunk.Select(LaunchAsync));
        }
    }

    /// <summary>Puts every scan back in the queue, unclaimed, for the next claim run.</summary>
    public async Task RequeueAllAsync()
    {
        await using var db = Db();
        await db.Scans.ExecuteUpdateAsync(set => set
            .SetProperty(s => s.State, ScanTaskState.Queued)
            .SetProperty(s => s.AgentId, (Guid?)null)
            .SetProperty(s => s.AgentName, (string?)null)
            .SetProperty(s => s.LeaseExpiresAt, (DateTime?)null)
            .SetProperty(s => s.Attempts, 0));
    }

    public async Task<Guid> LaunchAsync(string target)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("api/1.0/scans/new", UriKind.Relative), new JsonObject { ["TargetUri"] = target });
        response.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json[0]!["Id"]!.GetValue<Guid>();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _drop();
    }

    private static async Task<(ChildProcess, HttpClient)> ServeAsync(string harrierDll, string[] args)
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var process = ChildProcess.Start("dotnet",
            [harrierDll, "serve", "--urls", baseUrl.GetLeftPart(UriPartial.Authority), .. args, .. args.Contains("--data-dir") ? Array.Empty<string>()
                : ["--data-dir", Directory.CreateTempSubdirectory("harrier-bench-serve-").FullName]],
            new Dictionary<string, string>
            {
                ["HARRIER_BOOTSTRAP_USER_ID"] = UserId,
                ["HARRIER_BOOTSTRAP_API_TOKEN"] = Token,
                ["Logging__LogLevel__Default"] = "Warning",
                ["Harrier__Agent__IdlePollInterval"] = "00:00:00.200",
            });
        var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(Authorization);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var health = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return (process, http);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        http.Dispose();
        var output = process.Output;
        await process.DisposeAsync();
        throw new InvalidOperationException("harrier serve did not become healthy:\n" + output);
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
