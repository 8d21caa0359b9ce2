using System.Net.Http.Headers;
using System.Text;
using Harrier.Core.Findings;
using Harrier.Core.Scans;
using Harrier.Server.Hosting;
using Harrier.Storage.Entities;
using Harrier.Storage.Queue;
using Harrier.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harrier.Api.Tests;

/// <summary>
/// A real Harrier server on loopback Kestrel (127.0.0.1, a free port) with a temporary data directory and no agents,
/// started the way <c>harrier serve</c> starts it. Two users: the bootstrap admin and a second one for isolation tests.
/// </summary>
public class HarrierApiFixture : IAsyncLifetime
{
    public static readonly Guid AdminId = Guid.Parse("0b6f2f8e-3c1a-4a59-9d3e-8f1f5b2a7c11");
    public const string AdminToken = "test-admin-token-0123456789abcdef";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "harrier-api-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public Guid OtherUserId { get; private set; }

    public string OtherUserToken { get; private set; } = "";

    /// <summary>The temporary data directory (created before the server starts, so a subclass can put files in it).</summary>
    protected string DataDir => _dataDir;

    /// <summary>Display name of the second user.</summary>
    protected virtual string OtherUserName => "Other User";

    /// <summary>Services a fixture subclass swaps after the server registered its own.</summary>
    protected virtual void ReplaceServices(IServiceCollection services)
    {
    }

    /// <summary>Extra configuration for a fixture subclass (e.g. turning website auto-registration off).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    public virtual async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        var settings = new Dictionary<string, string?>
        {
            ["Harrier:Urls"] = "http://127.0.0.1:0",
            ["Harrier:DataDir"] = _dataDir,
            ["Harrier:Agents"] = "0",
            ["Harrier:Api:MaxRequestBodyBytes"] = "1048576",
            ["HARRIER_BOOTSTRAP_USER_ID"] = AdminId.ToString(),
            ["HARRIER_BOOTSTRAP_API_TOKEN"] = AdminToken,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        _app = HarrierServer.Create([], settings, ReplaceServices);
        await HarrierServer.InitializeAsync(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HarrierDbContext>();
        (OtherUserId, OtherUserToken) = await UserAdministration.CreateUserAsync(db, TimeProvider.System, OtherUserName, "other@example.test", isAdmin: false);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is harmless in a temp directory.
        }
    }

    /// <summary>A client authenticated as the admin (<c>userId:token</c>).</summary>
    public HttpClient Client() => Client(AdminId.ToString(), AdminToken);

    public HttpClient OtherUserClient() => Client(OtherUserId.ToString(), OtherUserToken);

    public HttpClient Client(string user, string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + token)));
        return client;
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    public IServiceProvider Services => _app!.Services;

    /// <summary>Gives a queued scan these findings (URL = target + type) and completes it as an agent would (issues applied).</summary>
    public async Task<Guid> CompleteWithFindingsAsync(Guid scanId, string target, params (string Type, string Parameter, Severity Severity)[] findings)
    {
        var agent = new AgentIdentity(Guid.NewGuid(), "test-agent");
        await WithDbAsync(async db =>
        {
            var scan = await db.Scans.FirstAsync(s => s.Id == scanId, Api.Ct);
            scan.State = ScanTaskState.Scanning;
            scan.StartedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
            scan.AgentId = agent.Id;
            foreach (var (type, parameter, severity) in findings)
            {
                var url = target + type;
                db.Vulnerabilities.Add(new VulnerabilityEntity
                {
                    Id = Guid.NewGuid(), ScanId = scanId, WebsiteId = scan.WebsiteId, CheckId = "test", Type = type, Title = type, Severity = severity,
                    IsConfirmed = true, Url = url, Method = "GET", Parameter = parameter, Payload = "<x>", ParameterLocation = "Query",
                    Fingerprint = FindingFingerprint.Of(type, url, "GET", parameter), FoundAt = scan.StartedAt.Value,
                });
            }

            await db.SaveChangesAsync(Api.Ct);
            await new ScanLeases(db, TimeProvider.System).FinishAsync(scanId, agent, ScanTaskState.Complete, null, null, null, Api.Ct);
            Assert.NotNull((await db.Scans.AsNoTracking().SingleAsync(s => s.Id == scanId, Api.Ct)).IssuesAppliedAt);
        });
        return scanId;
    }

    /// <summary>Runs <paramref name="action"/> against the server's database (to set states only an agent could reach).</summary>
    public async Task WithDbAsync(Func<HarrierDbContext, Task> action)
    {
        using var scope = _app!.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<HarrierDbContext>());
    }
}
