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

    /// <summary>The CSP of <c>/vuln/headers/csp-unsafe</c>: inline scripts and eval allowed.</summary>
    public const string UnsafeCsp = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; object-src 'none'; frame-ancestors 'self'";

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

        // A policy that no longer stops injected scripts; the twin keeps the site's policy.
        var widgets = Html.PageBytes("Widgets", "<p>Widgets load here.</p>");
        app.MapGetTwin("/headers/csp-unsafe", isSafe => context =>
        {
            if (!isSafe)
            {
                context.Response.Headers.ContentSecurityPolicy = UnsafeCsp;
            }

            return Html.WriteBytesAsync(context, widgets);
        });
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
