namespace Harrier.Server.Http;

/// <summary>
/// A request the API refuses, turned into <c>{"Message": …, "ModelState": {…}}</c> with <see cref="StatusCode"/>
/// by <see cref="ApiErrorMiddleware"/>. Thrown only before anything is written to storage.
/// </summary>
internal sealed class ApiException(int statusCode, string message, IReadOnlyDictionary<string, string[]>? modelState = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public IReadOnlyDictionary<string, string[]>? ModelState { get; } = modelState;

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static ApiException Invalid(IReadOnlyDictionary<string, string[]> modelState) =>
        new(StatusCodes.Status400BadRequest, "The request is invalid.", modelState);
}
