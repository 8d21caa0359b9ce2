using System.Globalization;
using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Harrier.Bench;

/// <summary>
/// API load benchmark (issue 9): wrk against a real <c>harrier serve</c> (no agents, so nothing but the API runs) on SQLite
/// and, with --postgres, on PostgreSQL — <c>status</c>, <c>detail</c> and <c>list</c> with 1,000 and then 100,000 scans in
/// the database, and <c>newfromscan</c> launches — at 8 and 64 connections; the ceiling is a bare ASP.NET Core endpoint
/// in this process answering the same kind of request without any work, measured in the same run.
/// </summary>
internal static class ApiLoadCommand
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var harrierDll = Path.GetFullPath(args.Get("harrier-dll") ?? throw new ArgumentException("--harrier-dll is required"));
        var wrk = args.Get("wrk") ?? "wrk";
        var postgres = args.Get("postgres") ?? Environment.GetEnvironmentVariable("HARRIER_TEST_POSTGRES");
        var seconds = args.GetInt("seconds", 10);
        var small = args.GetInt("small", 1_000);
        var large = args.GetInt("large", 100_000);
        int[] clients = [8, 64];
        // --requests status,detail,list,newfromscan and --stores sqlite,postgres pick rows, for quicker reruns of one part.
        var requests = (args.Get("requests") ?? "status,detail,list,newfromscan").Split(',');
        var stores = (args.Get("stores") ?? "sqlite,postgres").Split(',');
        var load = new Load(wrk, seconds, requests);

        Console.WriteLine($"API load benchmark: {Environment.ProcessorCount} CPUs, wrk -t2 for {seconds} s per row (after a 2 s warm-up), scans in the database {small:N0} then {large:N0}");
        Console.WriteLine("| server | scans in db | request | clients | requests/s | p50 ms | p99 ms | p99 / bare p99 | non-2xx |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|");

        var bareP99 = new Dictionary<(string Kind, int Clients), double>();
        await using (var bare = await BareEndpoint.StartAsync())
        {
            foreach (var c in clients)
            {
                bareP99[("GET", c)] = (await load.RunAsync("bare", "bare ASP.NET Core", "-", "GET /bare (a small JSON)", new Uri(bare.BaseUrl, "bare"), c, null, null)).P99Ms;
                bareP99[("POST", c)] = (await load.RunAsync("bare", "bare ASP.NET Core", "-", "POST /bare (201, a small JSON)", new Uri(bare.BaseUrl, "bare"), c, "POST", "\"x\"")).P99Ms;
            }
        }

        load.Ceiling = bareP99;
        if (stores.Contains("sqlite"))
        {
            await using var sqlite = await BenchStore.SqliteAsync(harrierDll, agents: 0);
            await MeasureStoreAsync(load, sqlite, "SQLite", clients, small, large);
        }

        if (!stores.Contains("postgres"))
        {
            return load.Invalid ? 1 : 0;
        }

        if (postgres is { Length: > 0 })
        {
            await using var pg = await BenchStore.PostgresAsync(harrierDll, postgres);
            await MeasureStoreAsync(load, pg, "PostgreSQL", clients, small, large);
        }
        else
        {
            Console.WriteLine("(PostgreSQL skipped: pass --postgres or set HARRIER_TEST_POSTGRES)");
        }

        return load.Invalid ? 1 : 0;
    }

    private static async Task MeasureStoreAsync(Load load, BenchStore store, string name, int[] clients, int small, int large)
    {
        var scanId = await store.LaunchAsync("http://127.0.0.1:9/load/");
        // A fresh server compiles its hot paths in the first seconds of load (tiered JIT): warm each path before any row.
        foreach (var path in new[] { $"api/1.0/scans/status/{scanId}", $"api/1.0/scans/detail/{scanId}", "api/1.0/scans/list?page=1&pageSize=20" })
        {
            await load.WarmUpAsync(new Uri(store.BaseUrl, path), TimeSpan.FromSeconds(5));
        }

        foreach (var size in new[] { small, large })
        {
            await SeedAsync(store, scanId, size);
            foreach (var c in clients)
            {
                await load.RunAsync("status", name, size, "GET scans/status/{id}", new Uri(store.BaseUrl, $"api/1.0/scans/status/{scanId}"), c);
                await load.RunAsync("detail", name, size, "GET scans/detail/{id}", new Uri(store.BaseUrl, $"api/1.0/scans/detail/{scanId}"), c);
                await load.RunAsync("list", name, size, "GET scans/list (page 1 of 20)", new Uri(store.BaseUrl, "api/1.0/scans/list?page=1&pageSize=20"), c);
            }
        }

        foreach (var c in clients)
        {
            await load.RunAsync("newfromscan", name, large, "POST scans/newfromscan", new Uri(store.BaseUrl, "api/1.0/scans/newfromscan"), c, "POST", $"\"{scanId}\"");
        }
    }

    /// <summary>Copies the template scan until the database holds <paramref name="total"/> finished scans of the same user.</summary>
    private static async Task SeedAsync(BenchStore store, Guid templateId, int total)
    {
        await using var db = store.Db();
        var template = await db.Scans.AsNoTracking().SingleAsync(s => s.Id == templateId);
        var existing = await db.Scans.CountAsync();
        var start = template.InitiatedAt;
        for (var done = existing; done < total;)
        {
            await using var batchDb = store.Db();
            batchDb.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = Math.Min(5_000, total - done);
            for (var i = 0; i < batch; i++, done++)
            {
                var initiated = start.AddMinutes(-(done + 1));
                batchDb.Scans.Add(new ScanEntity
                {
                    Id = Guid.NewGuid(),
                    UserId = template.UserId,
                    WebsiteId = template.WebsiteId,
                    ScanTaskGroupId = Guid.NewGuid(),
                    Configuration = template.Configuration,
                    TargetUrl = template.TargetUrl,
                    State = ScanTaskState.Complete,
                    Phase = ScanTaskPhase.Complete,
                    InitiatedAt = initiated,
                    StateChangedAt = initiated.AddMinutes(1),
                    StartedAt = initiated,
                    FinishedAt = initiated.AddMinutes(1),
                    CompletedSteps = 100,
                    EstimatedSteps = 100,
                    HighCount = done % 3,
                    Version = Guid.NewGuid(),
                });
            }

            await batchDb.SaveChangesAsync();
        }

        // A real database of this size has statistics (autovacuum analyzes after large changes); without them PostgreSQL
        // plans for the small table it last saw, and keeps those plans for prepared statements.
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
    }

    /// <summary>Runs wrk for one row of the table: a short warm-up, then the measured run.</summary>
    private sealed class Load(string wrk, int seconds, IReadOnlyCollection<string> requests)
    {
        private readonly Dictionary<string, string> _headers = new() { ["Authorization"] = BenchStore.Authorization };

        public IReadOnlyDictionary<(string Kind, int Clients), double> Ceiling { get; set; } = new Dictionary<(string, int), double>();

        /// <summary>True when a row had errors (non-2xx or socket errors): its figures don't count.</summary>
        public bool Invalid { get; private set; }

        public async Task<WrkResult> RunAsync(string kind, string server, object scans, string request, Uri url, int clients, string? method = null, string? body = null)
        {
            if (kind != "bare" && !requests.Contains(kind))
            {
                return new WrkResult(0, 0, 0, 0);
            }

            var script = method is null ? null : await LuaScriptAsync(method, body);
            try
            {
                await Wrk.RunAsync(wrk, url, clients, 2, _headers, script);
                var result = await Wrk.RunAsync(wrk, url, clients, seconds, _headers, script);
                var verb = method ?? "GET";
                var ratio = Ceiling.TryGetValue((verb, clients), out var bare) ? (result.P99Ms / bare).ToString("F1", CultureInfo.InvariantCulture) + "×" : "—";
                var errors = result.Non2xx + result.SocketErrors;
                Invalid |= errors > 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {server} | {(scans is int n ? n.ToString("N0", CultureInfo.InvariantCulture) : scans)} | {request} | {clients} | {result.RequestsPerSecond:N0} | {result.P50Ms:F2} | {result.P99Ms:F2} | {ratio} | {errors} |"));
                return result;
            }
            finally
            {
                if (script is not null)
                {
                    File.Delete(script);
                }
            }
        }

        public async Task WarmUpAsync(Uri url, TimeSpan duration) => await Wrk.RunAsync(wrk, url, 8, (int)duration.TotalSeconds, _headers, null);

        private static async Task<string> LuaScriptAsync(string method, string? body)
        {
            var path = Path.Combine(Path.GetTempPath(), $"harrier-load-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(path, $"""
                wrk.method = "{method}"
                wrk.body = '{body}'
                wrk.headers["Content-Type"] = "application/json"
                """);
            return path;
        }
    }

    /// <summary>The ceiling: Kestrel answering a small JSON with no authentication, storage or serialization work.</summary>
    private sealed class BareEndpoint(WebApplication app, Uri baseUrl) : IAsyncDisposable
    {
        public Uri BaseUrl { get; } = baseUrl;

        public static async Task<BareEndpoint> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapGet("/bare", () => Results.Text("""{"State":"Queued","CompletedSteps":0}""", "application/json"));
            app.MapPost("/bare", () => Results.Text("""{"Id":"00000000-0000-0000-0000-000000000000"}""", "application/json", statusCode: 201));
            await app.StartAsync();
            var address = app.Urls.First();
            return new BareEndpoint(app, new Uri(address.TrimEnd('/') + "/"));
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
