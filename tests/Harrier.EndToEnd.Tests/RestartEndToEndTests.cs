using System.Collections.Concurrent;
using Harrier.Agent;
using Harrier.Api.Tests;
using Harrier.Core.Scans;
using Harrier.Server.Hosting;
using Harrier.Storage;
using Harrier.TestTargets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harrier.EndToEnd.Tests;

/// <summary>A server that stops (or dies) with scans in flight loses nothing: they are re-queued and finish after a restart.</summary>
public sealed class RestartEndToEndTests : IAsyncDisposable
{
    private static readonly Guid s_userId = Guid.Parse("2f9d8a51-6c3e-4b7a-9e10-5d4c3b2a1f00");
    private const string Token = "restart-test-token-0123456789";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "harrier-restart-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScansInFlight_AreRequeuedOnStop_AndAfterACrash_AndFinishWithoutDuplicateFindings()
    {
        // Arrange: a slow target so the scans are mid-way when the server stops
        var requests = new ConcurrentQueue<string>();
        await using var target = await TestTargetServer.StartAsync(new TestTargetOptions
        {
            GeneratedPages = 100,
            ResponseDelay = TimeSpan.FromMilliseconds(15),
            OnRequest = (_, path) => requests.Enqueue(path),
        }, Ct);

        // Act 1: launch two scans, stop the server while they run
        string stoppedScan, crashedScan;
        var first = await StartServerAsync();
        await using (first.App)
        {
            stoppedScan = (await first.Client.LaunchAsync(target.BaseUrl.AbsoluteUri)).Id();
            crashedScan = (await first.Client.LaunchAsync(target.GetUrl("/vuln/").AbsoluteUri)).Id();
            await first.Client.WaitForStateAsync(stoppedScan, "Scanning");
            await first.Client.WaitForStateAsync(crashedScan, "Scanning");
            while (requests.Count < 60)
            {
                await Task.Delay(20, Ct);
            }

            await first.App.StopAsync(Ct);
        }

        // A crash leaves the lease behind: make the second scan look as if its agent died holding it.
        int findingsBeforeRestart = 0;
        await WithDbAsync(async db =>
        {
            Assert.Equal(ScanTaskState.Queued, (await db.Scans.FirstAsync(s => s.Id == Guid.Parse(stoppedScan), Ct)).State);
            var crashed = await db.Scans.FirstAsync(s => s.Id == Guid.Parse(crashedScan), Ct);
            var agent = ScanAgentService.Identity(Environment.MachineName.ToLowerInvariant(), 1);
            crashed.State = ScanTaskState.Scanning;
            crashed.AgentId = agent.Id;
            crashed.AgentName = agent.Name;
            crashed.LeaseExpiresAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1);
            await db.SaveChangesAsync(Ct);
            findingsBeforeRestart = await db.Vulnerabilities.CountAsync(Ct);
        });

        // Act 2: restart on the same data directory
        var second = await StartServerAsync();
        await using (second.App)
        {
            var stoppedDone = await second.Client.WaitForStateAsync(stoppedScan, "Complete", "Failed");
            var crashedDone = await second.Client.WaitForStateAsync(crashedScan, "Complete", "Failed");

            // Assert
            Assert.Equal("Complete", (string?)stoppedDone["State"]);
            Assert.Equal("Complete", (string?)crashedDone["State"]);
            var crashedFindings = await second.Client.ResultAsync(crashedScan);
            Assert.Contains(crashedFindings, f => (string?)f["Type"] == "ConfirmedSqlInjection");
            Assert.Equal(crashedFindings.Count, crashedFindings.Select(f => $"{f["Type"]} {f["Url"]}").Distinct().Count());
            await WithDbAsync(async db =>
            {
                var total = await db.Vulnerabilities.CountAsync(Ct);
                var distinct = await db.Vulnerabilities.Select(v => new { v.ScanId, v.Fingerprint }).Distinct().CountAsync(Ct);
                Assert.Equal(distinct, total);
                Assert.True(total >= findingsBeforeRestart);
            });
            await second.App.StopAsync(Ct);
        }
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private async Task<(WebApplication App, HttpClient Client)> StartServerAsync()
    {
        var app = HarrierServer.Create([], new Dictionary<string, string?>
        {
            ["Harrier:Urls"] = "http://127.0.0.1:0",
            ["Harrier:DataDir"] = _dataDir,
            ["Harrier:Agents"] = "2",
            ["Harrier:Agent:IdlePollInterval"] = "00:00:00.100",
            ["Harrier:Agent:ControlPollInterval"] = "00:00:00.100",
            ["HARRIER_BOOTSTRAP_USER_ID"] = s_userId.ToString(),
            ["HARRIER_BOOTSTRAP_API_TOKEN"] = Token,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await HarrierServer.InitializeAsync(app, Ct);
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{s_userId}:{Token}")));
        return (app, client);
    }

    private async Task WithDbAsync(Func<HarrierDbContext, Task> action)
    {
        var options = new DbContextOptionsBuilder<HarrierDbContext>();
        Harrier.Storage.Sqlite.SqliteStorage.Configure(options, _dataDir);
        await using var db = new HarrierDbContext(options.Options);
        await action(db);
    }
}
