using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harrier.Server.Hosting;
using Harrier.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Harrier.Web.Tests;

/// <summary>
/// A real <c>harrier serve</c> (HarrierServer.Create, so API and UI exactly as shipped) on loopback Kestrel with a
/// temporary data directory, two users, and no agents unless a subclass asks for them.
/// </summary>
public class WebFixture : IAsyncLifetime
{
    public static readonly Guid AdminId = Guid.Parse("5d6f2f8e-3c1a-4a59-9d3e-8f1f5b2a7c22");
    public const string AdminToken = "web-admin-token-0123456789abcdef";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "harrier-web-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public Guid OtherUserId { get; private set; }

    public string OtherUserToken { get; private set; } = "";

    protected virtual int Agents => 0;

    /// <summary>More configuration (e.g. an HTTPS certificate), applied last.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    protected string DataDir => _dataDir;

    public virtual async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Harrier:Urls"] = "http://127.0.0.1:0",
            ["Harrier:DataDir"] = _dataDir,
            ["Harrier:Agents"] = Agents.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Harrier:Agent:IdlePollInterval"] = "00:00:00.100",
            ["Harrier:Agent:ControlPollInterval"] = "00:00:00.100",
            ["Harrier:Agent:HeartbeatInterval"] = "00:00:01",
            ["HARRIER_BOOTSTRAP_USER_ID"] = AdminId.ToString(),
            ["HARRIER_BOOTSTRAP_API_TOKEN"] = AdminToken,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        Directory.CreateDirectory(_dataDir);
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        _app = HarrierServer.Create([], settings);
        await HarrierServer.InitializeAsync(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HarrierDbContext>();
        (OtherUserId, OtherUserToken) = await UserAdministration.CreateUserAsync(db, TimeProvider.System, "Other <b>User</b>", "other@example.test", isAdmin: false);
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

    /// <summary>An API client (Basic <c>userId:token</c>).</summary>
    public HttpClient Api(Guid? user = null, string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes((user ?? AdminId) + ":" + (token ?? AdminToken))));
        return client;
    }

    /// <summary>A browser-like client: its own cookie jar, no automatic redirects, not yet signed in.</summary>
    public Browser NewBrowser() => new(BaseAddress, acceptAnyCertificate: BaseAddress.Scheme == Uri.UriSchemeHttps);

    public async Task<Browser> SignedInAsync(Guid? user = null, string? token = null)
    {
        var browser = NewBrowser();
        var response = await browser.SignInAsync((user ?? AdminId).ToString(), token ?? AdminToken);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return browser;
    }

    /// <summary>Launches a scan through the API and returns its id (with no agents it stays queued).</summary>
    public async Task<Guid> LaunchAsync(string target, Guid? user = null, string? token = null)
    {
        using var api = Api(user, token);
        using var content = new StringContent(JsonSerializer.Serialize(new { TargetUri = target }), Encoding.UTF8, "application/json");
        using var response = await api.PostAsync("/api/1.0/scans/new", content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement[0].GetProperty("Id").GetGuid();
    }

    public IServiceProvider Services => _app!.Services;

    public async Task WithDbAsync(Func<HarrierDbContext, Task> action)
    {
        using var scope = _app!.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<HarrierDbContext>());
    }
}

/// <summary>A cookie-keeping HTTP client that behaves like a same-origin browser tab (forms carry the CSRF token).</summary>
public sealed partial class Browser : IDisposable
{
    private readonly HttpClient _client;

    public Browser(Uri baseAddress, bool acceptAnyCertificate = false)
    {
        Cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        if (acceptAnyCertificate)
        {
            // The test server's own self-signed certificate.
            handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        }

        _client = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => _client.BaseAddress!;

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path, TestContext.Current.CancellationToken);

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}\n{html}");
        return html;
    }

    public async Task<HttpResponseMessage> SignInAsync(string userId, string token)
    {
        var page = await GetPageAsync("/signin");
        return await PostFormAsync("/signin", CsrfToken(page), [new("userId", userId), new("token", token)]);
    }

    /// <summary>Posts a form as the page would: with the page's CSRF token and a same-origin Origin header.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string? csrf, IEnumerable<KeyValuePair<string, string>> fields, string? origin = null)
    {
        var all = fields.ToList();
        if (csrf is not null)
        {
            all.Add(new("__csrf", csrf));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(all) };
        request.Headers.Add("Origin", origin ?? BaseAddress.GetLeftPart(UriPartial.Authority));
        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Opens <paramref name="page"/>, then posts the form whose action is <paramref name="action"/> with its token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var html = await GetPageAsync(page);
        Assert.Contains($"action=\"{action}\"", html, StringComparison.Ordinal);
        return await PostFormAsync(action, CsrfToken(html), fields ?? []);
    }

    public static string CsrfToken(string html) =>
        CsrfField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No CSRF field in the page.");

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
