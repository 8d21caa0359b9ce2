using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Harrier.Web.Tests;

/// <summary>
/// The API tests' server fixture (HarrierServer.Create, so API and UI exactly as shipped), with a hostile second user
/// name and agents when a subclass asks for them, plus browser-like clients.
/// </summary>
public class WebFixture : Harrier.Api.Tests.HarrierApiFixture
{
    protected virtual int Agents => 0;

    protected override string OtherUserName => "Other <b>User</b>";

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        KeyValuePair.Create("Harrier:Agents", (string?)Agents.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        KeyValuePair.Create("Harrier:Agent:IdlePollInterval", (string?)"00:00:00.100"),
        KeyValuePair.Create("Harrier:Agent:ControlPollInterval", (string?)"00:00:00.100"),
        KeyValuePair.Create("Harrier:Agent:HeartbeatInterval", (string?)"00:00:01"),
    ];

    /// <summary>An API client (Basic <c>userId:token</c>).</summary>
    public HttpClient Api(Guid? user = null, string? token = null) => Client((user ?? AdminId).ToString(), token ?? AdminToken);

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
