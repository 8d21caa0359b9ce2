using System.Security.Cryptography;
using Harrier.Client;
using Harrier.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Harrier.Scanning;

/// <summary>
/// A private Harrier server for <c>harrier scan</c>: the same server as <c>harrier serve</c>, on <c>127.0.0.1</c> at a free
/// port, with a temporary SQLite data directory, credentials generated in memory and in-process agents. Disposing it
/// stops it and deletes the directory.
/// </summary>
internal sealed class EmbeddedServer : IAsyncDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(15);
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private EmbeddedServer(WebApplication app, string dataDir, ServerConnection connection)
    {
        _app = app;
        _dataDir = dataDir;
        Connection = connection;
    }

    public ServerConnection Connection { get; }

    public static async Task<EmbeddedServer> StartAsync(int agents, CancellationToken cancellationToken)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "harrier-scan-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDir);
        }
        else
        {
            Directory.CreateDirectory(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var userId = Guid.NewGuid().ToString("D");
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var settings = new Dictionary<string, string?>
        {
            ["Harrier:Urls"] = "http://127.0.0.1:0",
            ["Harrier:DataDir"] = dataDir,
            ["Harrier:Database:ConnectionString"] = "",
            ["Harrier:Agents"] = agents.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Harrier:Agent:IdlePollInterval"] = "00:00:00.100",
            ["Harrier:Api:AutoRegisterWebsites"] = "true",
            ["HARRIER_BOOTSTRAP_USER_ID"] = userId,
            ["HARRIER_BOOTSTRAP_API_TOKEN"] = token,
            // The server's log stays quiet (warnings and errors only) and goes to stderr: stdout is for results.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        };

        WebApplication? app = null;
        try
        {
            app = HarrierServer.Create([], settings);
            await HarrierServer.InitializeAsync(app, cancellationToken);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var connection = new ServerConnection(new Uri(address.TrimEnd('/') + "/"), userId, token);
            return new EmbeddedServer(app, dataDir, connection);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            DeleteDirectory(dataDir);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(s_stopTimeout))
        {
            try
            {
                await _app.StopAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // Agents that did not stop in time are abandoned with the process.
            }
        }

        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DeleteDirectory(_dataDir);
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"harrier: could not delete the temporary directory {path}: {ex.Message}");
        }
    }
}
