using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// CORS misconfiguration: the vulnerable API reflects any <c>Origin</c> into <c>Access-Control-Allow-Origin</c> and
/// allows credentials; the twin allows only its own origin.
/// </summary>
internal static class CorsEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGetTwin("/cors/api", static safe => context =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && (!safe || string.Equals(origin, SiteEndpoints.Origin(context), StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Headers.AccessControlAllowOrigin = Html.ToHeaderValue(origin);
                context.Response.Headers.AccessControlAllowCredentials = "true";
                context.Response.Headers.Vary = "Origin";
            }

            return Html.WriteStringAsync(context, "{\"user\":\"harrier\",\"plan\":\"gold\"}", "application/json; charset=utf-8", StatusCodes.Status200OK);
        });
    }
}
