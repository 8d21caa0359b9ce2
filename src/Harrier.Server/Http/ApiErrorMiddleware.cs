using System.Text.Json;
using Harrier.Contracts.Serialization;
using Microsoft.AspNetCore.Http.Features;

namespace Harrier.Server.Http;

/// <summary>
/// Turns every refused request into a JSON <c>{"Message"}</c> body: validation and binding failures (400),
/// unknown routes (404), wrong methods (405), and anything unexpected (500, logged without request data).
/// </summary>
internal sealed partial class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
            if (context.Response is { HasStarted: false, StatusCode: 404 or 405 })
            {
                var message = context.Response.StatusCode == 404
                    ? $"No HTTP resource was found that matches the request URI '{context.Request.Path}'."
                    : $"The requested resource does not support http method '{context.Request.Method}'.";
                await WriteAsync(context, context.Response.StatusCode, new ApiError(message)).ConfigureAwait(false);
            }
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, ex.StatusCode, new ApiError(ex.Message) { ModelState = ex.ModelState }).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, new ApiError(BadRequestMessage(ex))).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && IsUnstorableText(ex))
        {
            // PostgreSQL text cannot hold NUL characters (SQLite can): a value with one is the client's error, not the server's.
            await WriteAsync(context, StatusCodes.Status400BadRequest,
                new ApiError("The request contains a text value the database cannot store (a NUL character).")).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            LogUnhandled(logger, context.Request.Method, context.Request.Path, ex);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, new ApiError("An error has occurred.")).ConfigureAwait(false);
        }
    }

    /// <summary>SQLSTATE 22021 (character not in repertoire, e.g. NUL) or 22P05 (untranslatable character), possibly wrapped by EF Core.</summary>
    private static bool IsUnstorableText(Exception ex) =>
        (ex as System.Data.Common.DbException ?? ex.InnerException as System.Data.Common.DbException)?.SqlState is "22021" or "22P05";

    internal static string BadRequestMessage(BadHttpRequestException exception) =>
        exception.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is too large."
            : "The request is malformed: " + exception.Message;

    /// <summary>Replaces whatever the response holds with <paramref name="error"/>; <paramref name="headers"/> are set afterwards.</summary>
    internal static Task WriteAsync(HttpContext context, int statusCode, ApiError error, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        context.Response.Clear();
        foreach (var (name, value) in headers ?? [])
        {
            context.Response.Headers[name] = value;
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        return JsonSerializer.SerializeAsync(context.Response.Body, error, InvictiJson.Options, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
