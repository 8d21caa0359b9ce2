using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harrier.Bench;

/// <summary>
/// A real <c>harrier serve</c> process (Release build, embedded SQLite in a temporary data directory, default agents)
/// and a small client for the few Invicti API calls the benchmark makes.
/// </summary>
internal sealed class HarrierServerProcess : IAsyncDisposable
{
    private const string UserId = "6b0b5c1e-8a57-4e0c-9d3b-3f6f0f6a2b11";
    private const string Token = "bench-token-0123456789abcdef0123456789abcdef";
    private readonly ChildProcess _process;
    private readonly string _dataDir;
    private readonly HttpClient _http;

    private HarrierServerProcess(ChildProcess process, string dataDir, Uri baseUrl)
    {
        _process = process;
        _dataDir = dataDir;
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(UserId + ":" + Token)));
    }

    public int Pid => _process.Pid;

    public static async Task<HarrierServerProcess> StartAsync(string harrierDll)
    {
        var port = FreePort();
        var dataDir = Directory.CreateTempSubdirectory("harrier-bench-").FullName;
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var process = ChildProcess.Start("dotnet",
            [harrierDll, "serve", "--urls", baseUrl.GetLeftPart(UriPartial.Authority), "--data-dir", dataDir, "--agents", "2"],
            new Dictionary<string, string>
            {
                ["HARRIER_BOOTSTRAP_USER_ID"] = UserId,
                ["HARRIER_BOOTSTRAP_API_TOKEN"] = Token,
                ["Logging__LogLevel__Default"] = "Warning",
            });
        var server = new HarrierServerProcess(process, dataDir, baseUrl);
        using var probe = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var health = await probe.GetAsync(new Uri("health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        var output = process.Output;
        await server.DisposeAsync();
        throw new InvalidOperationException("harrier serve did not become healthy:\n" + output);
    }

    /// <summary>POST scanpolicies/new with the politeness limits lifted; returns the policy id.</summary>
    public async Task<Guid> CreatePolicyAsync(string name, int concurrency, int requestsPerSecond)
    {
        var body = new JsonObject
        {
            ["Name"] = name,
            ["Description"] = "Harrier benchmark: politeness limits lifted",
            ["HttpRequestSettings"] = new JsonObject
            {
                ["ConcurrentConnectionCount"] = concurrency,
                ["RequestsPerSecond"] = requestsPerSecond,
                ["RequestTimeout"] = 30,
            },
        };
        using var response = await _http.PostAsync(new Uri("api/1.0/scanpolicies/new", UriKind.Relative), Json(body));
        var json = await ReadAsync(response, HttpStatusCode.Created);
        return json["Id"]!.GetValue<Guid>();
    }

    /// <summary>POST scans/new; returns the scan id once the 201 has arrived.</summary>
    public async Task<Guid> LaunchAsync(JsonObject body)
    {
        using var response = await _http.PostAsync(new Uri("api/1.0/scans/new", UriKind.Relative), Json(body));
        var json = await ReadAsync(response, HttpStatusCode.Created);
        return json[0]!["Id"]!.GetValue<Guid>();
    }

    public async Task<(string State, int CompletedSteps)> StatusAsync(Guid scanId)
    {
        using var response = await _http.GetAsync(new Uri($"api/1.0/scans/status/{scanId}", UriKind.Relative));
        var json = await ReadAsync(response, HttpStatusCode.OK);
        return (json["State"]!.GetValue<string>(), json["CompletedSteps"]!.GetValue<int>());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text) ?? throw new JsonException("Empty response.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
