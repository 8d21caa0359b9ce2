using System.Security.Cryptography;

namespace Harrier.Web.Infrastructure;

/// <summary>The UI's only static files (CSS, JS, icon), embedded in this assembly and served from <c>/ui/</c>.</summary>
internal static class Assets
{
    private static readonly (string Name, string ContentType)[] s_files =
    [
        ("app.css", "text/css; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("harrier.svg", "image/svg+xml"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (name, contentType) in s_files)
        {
            var bytes = Read(name);
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
            app.MapGet("/ui/" + name, (HttpContext http) =>
            {
                Security.ApplyHeaders(http.Response);
                http.Response.Headers.CacheControl = "no-cache";
                http.Response.Headers.ETag = etag;
                return http.Request.Headers.IfNoneMatch == etag
                    ? Results.StatusCode(StatusCodes.Status304NotModified)
                    : Results.Bytes(bytes, contentType);
            }).AllowAnonymous().ExcludeFromDescription();
        }
    }

    internal static byte[] Read(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("Harrier.Web.Assets." + name)
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
