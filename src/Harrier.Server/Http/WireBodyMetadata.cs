namespace Harrier.Server.Http;

internal static class WireBodyMetadata
{
    /// <summary>
    /// Documents the body type for OpenAPI without restricting the content type: Invicti clients post JSON,
    /// form-urlencoded, text or nothing at all, and <see cref="WireBody"/> reads them all.
    /// </summary>
    public static RouteHandlerBuilder AcceptsWireBody<T>(this RouteHandlerBuilder builder)
        where T : notnull =>
        builder.Accepts<T>(isOptional: true, "application/json", "application/x-www-form-urlencoded", "*/*");
}
