using System.Text;
using System.Text.Json;
using Harrier.Contracts.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Harrier.Web;

/// <summary>
/// Calls Harrier's own <c>/api/1.0</c> endpoints in process, as the signed-in user: the UI launches, relaunches,
/// controls and deletes scans and renders reports through exactly the handlers (and validation) API clients use.
/// The request never leaves the process and never passes the API's authentication: the caller is the UI session's
/// user, whose claims are the ones the API's Basic handler would have built.
/// </summary>
internal sealed class InProcessApi(EndpointDataSource endpoints, IServiceScopeFactory scopes)
{
    public Task<ApiResponse> PostJsonAsync<T>(HttpContext caller, string path, T body, CancellationToken cancellationToken) =>
        SendAsync(caller, HttpMethods.Post, path, QueryString.Empty, JsonSerializer.SerializeToUtf8Bytes(body, InvictiJson.Options), cancellationToken);

    public Task<ApiResponse> GetAsync(HttpContext caller, string path, QueryString query, CancellationToken cancellationToken) =>
        SendAsync(caller, HttpMethods.Get, path, query, null, cancellationToken);

    private async Task<ApiResponse> SendAsync(
        HttpContext caller, string method, string path, QueryString query, byte[]? body, CancellationToken cancellationToken)
    {
        var endpoint = Find(method, path);
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            using var requestBody = new MemoryStream(body ?? []);
            using var responseBody = new MemoryStream();
            var request = new HttpRequestFeature
            {
                Method = method,
                Scheme = caller.Request.Scheme,
                PathBase = caller.Request.PathBase,
                Path = path,
                QueryString = query.Value ?? "",
                Protocol = "HTTP/1.1",
                Body = requestBody,
            };
            request.Headers.Host = caller.Request.Host.Value;
            if (body is not null)
            {
                request.Headers.ContentType = "application/json; charset=utf-8";
                request.Headers.ContentLength = body.Length;
            }

            var features = new FeatureCollection();
            features.Set<IHttpRequestFeature>(request);
            features.Set<IHttpResponseFeature>(new HttpResponseFeature());
            features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(responseBody));
            features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
            var context = new DefaultHttpContext(features) { RequestServices = scope.ServiceProvider, User = caller.User };
            context.SetEndpoint(endpoint);
            // The API's endpoints answer their own refusals as {"Message", "ModelState"} (ApiErrorFilter).
            await endpoint.RequestDelegate!(context).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            return ApiResponse.From(
                context.Response.StatusCode,
                context.Response.ContentType ?? "application/octet-stream",
                context.Response.Headers.ContentDisposition,
                responseBody.ToArray());
        }
    }

    private RouteEndpoint Find(string method, string path) =>
        endpoints.Endpoints.OfType<RouteEndpoint>().FirstOrDefault(e =>
            string.Equals("/" + e.RoutePattern.RawText?.Trim('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase) == true)
        ?? throw new InvalidOperationException($"The API endpoint {method} {path} is not mapped; is MapHarrierWeb called on the Harrier server?");
}

/// <summary>What an in-process API call answered: a response, or a refusal with the API's message and field errors.</summary>
internal sealed record ApiResponse(
    int StatusCode, string ContentType, StringValues ContentDisposition, byte[] Body, string? Message, IReadOnlyDictionary<string, string[]>? Errors)
{
    private const string MessageMember = "Message";

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, InvictiJson.Options) ?? throw new InvalidOperationException("Empty API response.");

    /// <summary>The API's error message, from a refusal or from a <c>{"Message"}</c> body.</summary>
    public string ErrorMessage()
    {
        if (Message is not null)
        {
            return Message;
        }

        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.TryGetProperty(MessageMember, out var message) ? message.GetString() ?? "" : Encoding.UTF8.GetString(Body);
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(Body);
        }
    }

    /// <summary>A response; for a refusal (4xx) its <c>Message</c> and <c>ModelState</c> are read from the body.</summary>
    internal static ApiResponse From(int statusCode, string contentType, StringValues contentDisposition, byte[] body)
    {
        if (statusCode < 400)
        {
            return new ApiResponse(statusCode, contentType, contentDisposition, body, null, null);
        }

        try
        {
            var error = JsonSerializer.Deserialize<ApiRefusal>(body, InvictiJson.Options);
            return new ApiResponse(statusCode, contentType, contentDisposition, body, error?.Message, error?.ModelState);
        }
        catch (JsonException)
        {
            return new ApiResponse(statusCode, contentType, contentDisposition, body, Encoding.UTF8.GetString(body), null);
        }
    }

    private sealed record ApiRefusal(string? Message, IReadOnlyDictionary<string, string[]>? ModelState);
}
