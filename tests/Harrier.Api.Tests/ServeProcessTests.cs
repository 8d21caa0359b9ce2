using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Harrier.Api.Tests;

/// <summary>The real <c>harrier</c> executable, started as the README starts it, on a temporary data directory.</summary>
public sealed partial class ServeProcessTests : IDisposable
{
    private const string Token = "process-test-token-0123456789";
    private static readonly string s_userId = "7d3c0a9e-1b2f-4c5d-8e6f-a1b2c3d4e5f6";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "harrier-process-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Serve_LaunchesRelaunchesAndLists_ThenStopsCleanlyOnSigterm()
    {
        // Arrange
        using var server = StartHarrier("serve", "--data-dir", _dataDir, "--urls", "http://127.0.0.1:0", "--agents", "0");
        var baseAddress = await server.WaitForListeningAsync(Api.Ct);
        using var client = Client(baseAddress, s_userId, Token);

        // Act
        var source = await client.LaunchAsync("http://127.0.0.1:9/process/");
        var relaunched = await client.RelaunchAsync(source.Id());
        var (listStatus, list) = await client.GetJsonAsync("/api/1.0/scans/list");
        var exitCode = await server.TerminateAsync(Api.Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal(2, (int)list!["TotalItemCount"]!);
        Assert.Equal([relaunched.Id(), source.Id()], list["List"]!.AsArray().Select(s => s!.Id()));
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(Token, server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithoutBootstrapVariables_PrintsAndStoresGeneratedCredentialsOnce()
    {
        // Arrange
        using var server = StartHarrier(bootstrap: false, "serve", "--data-dir", _dataDir, "--urls", "http://127.0.0.1:0", "--agents", "0");
        var baseAddress = await server.WaitForListeningAsync(Api.Ct);
        var file = Path.Combine(_dataDir, "initial-credentials.txt");

        // Act
        var text = await File.ReadAllTextAsync(file, Api.Ct);
        var userId = CredentialLine().Match(text).Groups["id"].Value;
        var token = TokenLine().Match(text).Groups["token"].Value;
        using var client = Client(baseAddress, userId, token);
        var (status, _) = await client.GetJsonAsync("/api/1.0/account/me");
        await server.TerminateAsync(Api.Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(token, server.Output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task UsersCreate_PrintsCredentialsThatAuthenticate()
    {
        // Arrange
        using (var create = StartHarrier("users", "create", "--name", "Dana", "--email", "dana@example.test", "--data-dir", _dataDir))
        {
            Assert.Equal(0, await create.WaitForExitAsync(Api.Ct));
            var userId = CredentialLine().Match(create.Output).Groups["id"].Value;
            var token = TokenLine().Match(create.Output).Groups["token"].Value;

            // Act
            using var server = StartHarrier("serve", "--data-dir", _dataDir, "--urls", "http://127.0.0.1:0", "--agents", "0");
            using var client = Client(await server.WaitForListeningAsync(Api.Ct), userId, token);
            var (status, me) = await client.GetJsonAsync("/api/1.0/account/me");
            await server.TerminateAsync(Api.Ct);

            // Assert
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Dana", (string?)me!["DisplayName"]);
        }
    }

    [Fact]
    public async Task Serve_WithAnUnreachablePostgres_FailsWithAClearMessage()
    {
        // A loopback port nobody listens on: the connection is refused at once.
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var server = StartHarrier("serve", "--data-dir", _dataDir, "--urls", "http://127.0.0.1:0",
            "--database", $"Host=127.0.0.1;Port={port};Database=harrier;Username=harrier;Password=secret-pw;Timeout=5");

        var exitCode = await server.WaitForExitAsync(Api.Ct);

        Assert.Equal(2, exitCode);
        Assert.Contains($"Cannot use the PostgreSQL database at 127.0.0.1:{port}/harrier", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_ProcessRunsTheScansOfAnApiOnlyServer_OnTheSameDatabase()
    {
        // Arrange: an API server with no agents, and a separate agent process on the same (SQLite) database
        using var server = StartHarrier("serve", "--data-dir", _dataDir, "--urls", "http://127.0.0.1:0", "--agents", "0");
        using var client = Client(await server.WaitForListeningAsync(Api.Ct), s_userId, Token);
        using var agent = StartHarrier("agent", "--data-dir", _dataDir, "--name", "worker", "--concurrency", "1");

        // Act: a scan of a closed loopback port ends quickly, Failed — run by the agent process
        var scan = await client.LaunchAsync("http://127.0.0.1:9/agent-process/");
        System.Text.Json.Nodes.JsonNode? detail;
        var started = TimeProvider.System.GetTimestamp();
        do
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(60), "the agent never finished the scan:\n" + agent.Output);
            await Task.Delay(100, Api.Ct);
            (_, detail) = await client.GetJsonAsync($"/api/1.0/scans/detail/{scan.Id()}");
        }
        while ((string?)detail!["State"] is "Queued" or "Scanning");

        var agentExit = await agent.TerminateAsync(Api.Ct);
        await server.TerminateAsync(Api.Ct);

        // Assert
        Assert.Equal("Failed", (string?)detail["State"]);
        Assert.Equal("ScanTargetNotReachable", (string?)detail["FailureReason"]);
        Assert.Equal("worker-1", (string?)detail["AgentName"]);
        Assert.Equal(0, agentExit);
    }

    [Theory]
    [InlineData("--concurrency", "0")]
    [InlineData("--database", "Host=127.0.0.1;Port=9;Database=harrier;Username=h;Password=secret-pw;Timeout=3")]
    public async Task Agent_WithBadSettings_FailsWithAClearMessage(string flag, string value)
    {
        using var agent = StartHarrier("agent", "--data-dir", _dataDir, flag, value);

        Assert.Equal(2, await agent.WaitForExitAsync(Api.Ct));
        Assert.Contains(agent.Output.Split('\n'), line => line.StartsWith("harrier: ", StringComparison.Ordinal));
        Assert.DoesNotContain("secret-pw", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", agent.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve", "MaxCrawlRequests", "0")]
    [InlineData("serve", "MaxEvidenceChars", "-1")]
    [InlineData("agent", "MaxResponseBytes", "lots")]
    public async Task BadEngineLimit_StopsTheStart_WithAClearMessage(string command, string setting, string value)
    {
        string[] args = command == "serve" ? ["serve", "--data-dir", _dataDir, "--urls", "http://127.0.0.1:0"] : ["agent", "--data-dir", _dataDir];
        using var process = HarrierProcess.Start(args, [KeyValuePair.Create("Harrier__Engine__" + setting, value),
            KeyValuePair.Create("HARRIER_BOOTSTRAP_USER_ID", s_userId), KeyValuePair.Create("HARRIER_BOOTSTRAP_API_TOKEN", Token)]);

        Assert.Equal(2, await process.WaitForExitAsync(Api.Ct));
        Assert.Contains(process.Output.Split('\n'), line => line.StartsWith("harrier: ", StringComparison.Ordinal)
            && line.Contains("Harrier:Engine:" + setting, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", process.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static HttpClient Client(Uri baseAddress, string user, string token) => new()
    {
        BaseAddress = baseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + token))) },
    };

    private static HarrierProcess StartHarrier(params string[] args) => StartHarrier(bootstrap: true, args);

    private static HarrierProcess StartHarrier(bool bootstrap, params string[] args) => HarrierProcess.Start(args, bootstrap
        ? [KeyValuePair.Create("HARRIER_BOOTSTRAP_USER_ID", s_userId), KeyValuePair.Create("HARRIER_BOOTSTRAP_API_TOKEN", Token)]
        : []);

    [GeneratedRegex(@"User ID:\s+(?<id>[0-9a-f-]{36})")]
    private static partial Regex CredentialLine();

    [GeneratedRegex(@"API token:\s+(?<token>\S+)")]
    private static partial Regex TokenLine();
}
