namespace Harrier.Server.Http;

/// <summary>
/// The Invicti wire's routing quirks and headers: a doubled leading slash (<c>//api/1.0/…</c>) is accepted, and
/// API responses carry no-cache and security headers as the vendor's do.
/// </summary>
internal sealed class WireConventionsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not null && path.StartsWith("//", StringComparison.Ordinal))
        {
            context.Request.Path = new PathString("/" + path.TrimStart('/'));
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.Pragma = "no-cache";
        headers.Expires = "-1";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
