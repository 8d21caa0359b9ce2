using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Harrier.Contracts;
using Harrier.Contracts.Models;
using Harrier.Contracts.Serialization;
using Harrier.Core.Scans;

namespace Harrier.Client;

/// <summary>
/// The Invicti API v1.0 as the CLI uses it (contract §2.1, 2.2, 2.7, 2.12–2.15, 2.21, 5.2): the wire DTOs of
/// Harrier.Contracts, the one JSON configuration <see cref="InvictiJson.Options"/>, HTTP Basic <c>userId:token</c>.
/// Error statuses become <see cref="HarrierApiException"/> carrying the server's <c>Message</c>.
/// </summary>
internal sealed class HarrierApiClient : IDisposable
{
    private const string Api = "api/1.0/";
    private readonly HttpClient _http;

    /// <summary>Uses <paramref name="http"/> as given: its base address and authorization must be set (tests pass a fake handler).</summary>
    public HarrierApiClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>A client for <paramref name="connection"/>; <paramref name="useProxy"/> false for the in-process server on loopback.</summary>
    public static HarrierApiClient Create(ServerConnection connection, bool useProxy = true)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handler = new SocketsHttpHandler
        {
            UseProxy = useProxy,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.All,
        };
        return Create(connection, handler);
    }

    /// <summary>A client for <paramref name="connection"/> over <paramref name="handler"/> (tests pass a canned one).</summary>
    public static HarrierApiClient Create(ServerConnection connection, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = connection.BaseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes((connection.UserId ?? "") + ":" + connection.Token));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("harrier-cli", typeof(HarrierApiClient).Assembly.GetName().Version?.ToString(3)));
        return new HarrierApiClient(http);
    }

    /// <summary><c>POST scans/new</c>: the launched scan (the first of the array the endpoint returns).</summary>
    public async Task<ScanTaskModel> NewScanAsync(NewScanTaskApiModel model, CancellationToken cancellationToken)
    {
        var scans = await SendAsync<List<ScanTaskModel>>(HttpMethod.Post, "scans/new", model, cancellationToken);
        return scans.FirstOrDefault() ?? throw new HarrierApiException(HttpStatusCode.OK, "The server launched no scan.");
    }

    /// <summary><c>POST scans/newfromscan</c> with the id as a bare JSON string (contract §1.5).</summary>
    public Task<ScanTaskModel> NewFromScanAsync(Guid scanId, CancellationToken cancellationToken) =>
        SendAsync<ScanTaskModel>(HttpMethod.Post, "scans/newfromscan", scanId.ToString("D"), cancellationToken);

    public Task<PagedResult<ScanTaskModel>> ListAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        SendAsync<PagedResult<ScanTaskModel>>(
            HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"scans/list?page={page}&pageSize={pageSize}"), null, cancellationToken);

    public Task<ScanTaskModel> DetailAsync(Guid scanId, CancellationToken cancellationToken) =>
        SendAsync<ScanTaskModel>(HttpMethod.Get, "scans/detail/" + scanId.ToString("D"), null, cancellationToken);

    public Task<ApiScanStatusModel> StatusAsync(Guid scanId, CancellationToken cancellationToken) =>
        SendAsync<ApiScanStatusModel>(HttpMethod.Get, "scans/status/" + scanId.ToString("D"), null, cancellationToken);

    public Task<List<VulnerabilityModel>> ResultAsync(Guid scanId, CancellationToken cancellationToken) =>
        SendAsync<List<VulnerabilityModel>>(HttpMethod.Get, "scans/result/" + scanId.ToString("D"), null, cancellationToken);

    /// <summary><c>POST scans/cancel</c>: <c>Ok</c>, or why not (<c>ScanNotFound</c>, <c>ScanCompleted</c>, …).</summary>
    public Task<ScanControlResult> CancelAsync(Guid scanId, CancellationToken cancellationToken) =>
        SendAsync<ScanControlResult>(HttpMethod.Post, "scans/cancel", scanId.ToString("D"), cancellationToken);

    /// <summary><c>GET scanpolicies/get?name=</c> (contract §5.2).</summary>
    public Task<ScanPolicySettingApiModel> GetScanPolicyAsync(string name, CancellationToken cancellationToken) =>
        SendAsync<ScanPolicySettingApiModel>(HttpMethod.Get, "scanpolicies/get?name=" + Uri.EscapeDataString(name), null, cancellationToken);

    /// <summary>
    /// <c>GET scans/report/?id=&amp;type=&amp;format=</c> (contract §2.21), copied into <paramref name="destination"/>. An unfinished
    /// scan, a bad combination or an unknown scan is a <see cref="HarrierApiException"/> with the server's <c>Message</c>.
    /// </summary>
    public async Task DownloadReportAsync(Guid scanId, string type, string format, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var path = $"scans/report/?id={scanId:D}&type={Uri.EscapeDataString(type)}&format={Uri.EscapeDataString(format)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, Api + path);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken);
        }

        await response.Content.CopyToAsync(destination, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Api + path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), InvictiJson.Options), Encoding.UTF8, "application/json");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<T>(text, InvictiJson.Options)
                ?? throw new HarrierApiException(response.StatusCode, $"The server answered {path} with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new HarrierApiException(HttpStatusCode.BadGateway, $"The server's answer to {method} {path} is not the expected JSON: {ex.Message}");
        }
    }

    /// <summary>The server's <c>Message</c> (plus any <c>ModelState</c> entries) on one line, or the status when there is none.</summary>
    private static async Task<HarrierApiException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode + " " + response.ReasonPhrase;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var message = ErrorMessage(text);
        return new HarrierApiException(response.StatusCode, message is null ? $"The server answered {status}." : message);
    }

    private static string? ErrorMessage(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var parts = new List<string>();
            if (document.RootElement.TryGetProperty("Message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                parts.Add(message.GetString()!);
            }

            if (document.RootElement.TryGetProperty("ModelState", out var modelState) && modelState.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in modelState.EnumerateObject())
                {
                    var name = field.Name.StartsWith("model.", StringComparison.Ordinal) ? field.Name["model.".Length..] : field.Name;
                    var errors = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(e => e.ToString())
                        : [field.Value.ToString()];
                    parts.Add(name + ": " + string.Join(" ", errors));
                }
            }

            return parts.Count == 0 ? null : string.Join(" ", parts).ReplaceLineEndings(" ");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
