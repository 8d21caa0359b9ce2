namespace Harrier.Server.Http;

/// <summary>
/// Turns a refused request into its JSON error inside the endpoint itself, so every caller of an API handler gets the
/// same answer — HTTP clients, and the web UI that invokes the handlers in process. <see cref="ApiErrorMiddleware"/>
/// still answers what happens outside endpoints (unknown routes, authentication, unexpected errors).
/// </summary>
internal sealed class ApiErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            return TypedResults.Json(new ApiError(ex.Message) { ModelState = ex.ModelState }, statusCode: ex.StatusCode);
        }
        catch (BadHttpRequestException ex)
        {
            return TypedResults.Json(new ApiError(ApiErrorMiddleware.BadRequestMessage(ex)), statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
