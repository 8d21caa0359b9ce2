using Harrier.Server.Hosting;
using Harrier.TestTargets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Harrier.Cli.Tests;

/// <summary>
/// A Harrier server in this process, started as <c>harrier serve</c> starts it (loopback, free port, temporary SQLite,
/// two agents polling quickly), a fast test target and a slow one (for cancelling a scan while it runs).
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string UserId = "5a4d3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
    public const string Token = "cli-test-token-0123456789abcdef";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "harrier-cli-server-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public TestTargetServer Target { get; private set; } = null!;

    public TestTargetServer SlowTarget { get; private set; } = null!;

    /// <summary>What the client commands need to reach the server, as the environment variables a pipeline would set.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["HARRIER_SERVER"] = BaseAddress.AbsoluteUri,
        ["HARRIER_USER_ID"] = UserId,
        ["HARRIER_API_TOKEN"] = Token,
    };

    public async ValueTask InitializeAsync()
    {
        Target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 50 }, TestContext.Current.CancellationToken);
        SlowTarget = await TestTargetServer.StartAsync(
            new TestTargetOptions { GeneratedPages = 200, ResponseDelay = TimeSpan.FromMilliseconds(50) }, TestContext.Current.CancellationToken);
        _app = HarrierServer.Create([], new Dictionary<string, string?>
        {
            ["Harrier:Urls"] = "http://127.0.0.1:0",
            ["Harrier:DataDir"] = _dataDir,
            ["Harrier:Agents"] = "2",
            ["Harrier:Agent:IdlePollInterval"] = "00:00:00.100",
            ["Harrier:Agent:ControlPollInterval"] = "00:00:00.100",
            ["HARRIER_BOOTSTRAP_USER_ID"] = UserId,
            ["HARRIER_BOOTSTRAP_API_TOKEN"] = Token,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await HarrierServer.InitializeAsync(_app, TestContext.Current.CancellationToken);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Target.DisposeAsync();
        await SlowTarget.DisposeAsync();
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
}
