using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json;

namespace Harrier.TestTargets.Tests;

/// <summary>Builds a request that puts a value into a known vulnerability's insertion point.</summary>
internal static class TargetRequests
{
    public static HttpRequestMessage Build(KnownVulnerability vulnerability, string path, string? value = null, string? cookie = null)
    {
        value ??= vulnerability.ExampleValue ?? string.Empty;
        var parameter = vulnerability.Parameter ?? string.Empty;
        var method = new HttpMethod(vulnerability.Method);
        HttpRequestMessage request;
        switch (vulnerability.Location)
        {
            case ParameterLocation.Query:
                request = new HttpRequestMessage(method, $"{path}?{Uri.EscapeDataString(parameter)}={Uri.EscapeDataString(value)}");
                break;
            case ParameterLocation.Form:
                request = new HttpRequestMessage(method, path)
                {
                    Content = new FormUrlEncodedContent([new(parameter, value), new("csrf_token", "7c3f9a2e5b814d6f")]),
                };
                break;
            case ParameterLocation.Json:
                var example = JsonSerializer.Serialize(vulnerability.ExampleValue);
                request = new HttpRequestMessage(method, path)
                {
                    Content = new StringContent(Body(vulnerability).Replace(example, JsonSerializer.Serialize(value), StringComparison.Ordinal),
                        Encoding.UTF8, "application/json"),
                };
                break;
            case ParameterLocation.Xml:
                request = new HttpRequestMessage(method, path)
                {
                    Content = new StringContent(vulnerability.Parameter is null
                        ? value
                        : Body(vulnerability).Replace($">{vulnerability.ExampleValue}<", $">{SecurityElement.Escape(value)}<", StringComparison.Ordinal),
                        Encoding.UTF8, "application/xml"),
                };
                break;
            case ParameterLocation.Path:
                var prefix = path[..(path.LastIndexOf('/') + 1)];
                request = new HttpRequestMessage(method, prefix + Uri.EscapeDataString(value));
                break;
            case ParameterLocation.Header:
                request = new HttpRequestMessage(method, path);
                request.Headers.TryAddWithoutValidation(parameter, value);
                break;
            case ParameterLocation.Cookie:
                request = new HttpRequestMessage(method, path);
                cookie = $"{parameter}={Uri.EscapeDataString(value)}" + (cookie is null ? string.Empty : "; " + cookie);
                break;
            default:
                request = new HttpRequestMessage(method, path);
                break;
        }

        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        return request;
    }

    public static async Task<Sent> SendAsync(HttpClient client, KnownVulnerability vulnerability, string path, string? value = null,
        string? cookie = null)
    {
        using var request = Build(vulnerability, path, value, cookie);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return await Sent.FromAsync(response);
    }

    public static async Task<Sent> GetAsync(HttpClient client, string pathAndQuery, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return await Sent.FromAsync(response);
    }

    /// <summary>Signs in to the login area and returns the Cookie header value of the session.</summary>
    public static async Task<string> SignInAsync(HttpClient client)
    {
        using var content = new FormUrlEncodedContent([
            new("username", TestTargetOptions.DefaultUserName),
            new("password", TestTargetOptions.DefaultPassword),
            new("returnUrl", "/auth/account")]);
        using var response = await client.PostAsync("/auth/login", content, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static string Body(KnownVulnerability vulnerability) =>
        vulnerability.ExampleBody ?? throw new InvalidOperationException($"{vulnerability.Id} has no ExampleBody.");

    /// <summary>A response, read fully.</summary>
    internal sealed record Sent(System.Net.HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Body)
    {
        public static async Task<Sent> FromAsync(HttpResponseMessage response) =>
            new(response.StatusCode, response.Headers, response.Content.Headers,
                await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        public string? Header(string name) =>
            Headers.TryGetValues(name, out var values) || ContentHeaders.TryGetValues(name, out values) ? string.Join(", ", values) : null;
    }
}
