using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Missing security headers. Every response of the site carries them (<see cref="SecurityHeaders"/>); each page
/// here removes exactly one, and its <c>/safe/headers/…</c> twin keeps them all.
/// </summary>
internal static class HeaderEndpoints
{
    /// <summary>The site CSP without frame-ancestors, so the missing X-Frame-Options page is not framing-protected by CSP.</summary>
    private const string CspWithoutFrameAncestors = "default-src 'self'; object-src 'none'; base-uri 'self'";

    public static void Map(WebApplication app)
    {
        MapMissing(app, "x-frame-options", "X-Frame-Options", static headers =>
        {
            headers.Remove("X-Frame-Options");
            headers.ContentSecurityPolicy = CspWithoutFrameAncestors;
        });
        MapMissing(app, "csp", "Content-Security-Policy", static headers => headers.Remove("Content-Security-Policy"));
        MapMissing(app, "x-content-type-options", "X-Content-Type-Options", static headers => headers.Remove("X-Content-Type-Options"));
        MapMissing(app, "referrer-policy", "Referrer-Policy", static headers => headers.Remove("Referrer-Policy"));
    }

    private static void MapMissing(WebApplication app, string slug, string header, Action<IHeaderDictionary> remove)
    {
        var vulnerable = Html.PageBytes("About us", $"<p>This page is served without the {header} header.</p>");
        var safe = Html.PageBytes("About us", $"<p>This page is served with the {header} header.</p>");
        app.MapGetTwin("/headers/missing-" + slug, isSafe => context =>
        {
            if (!isSafe)
            {
                remove(context.Response.Headers);
            }

            return Html.WriteBytesAsync(context, isSafe ? safe : vulnerable);
        });
    }
}
