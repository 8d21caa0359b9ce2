using System.Security.Claims;
using Harrier.Web.Html;
using Microsoft.AspNetCore.Antiforgery;

namespace Harrier.Web.Pages;

/// <summary>The page shell every UI page shares: head, skip link, navigation, sign-out form, main landmark.</summary>
internal static class Layout
{
    private static readonly (string Href, string Label, string Key)[] s_navigation =
    [
        ("/scans", "Scans", "scans"),
        ("/scans/new", "New scan", "new"),
        ("/websites", "Websites", "websites"),
        ("/policies", "Scan policies", "policies"),
        ("/settings/api", "API settings", "settings"),
    ];

    /// <summary>A hidden antiforgery field for a form of the current request.</summary>
    public static Markup CsrfField(HttpContext http)
    {
        Security.PreventCaching(http.Response);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return Markup.Of($"<input type=\"hidden\" name=\"{Security.CsrfFieldName}\" value=\"{tokens.RequestToken}\">");
    }

    public static IResult Page(HttpContext http, string title, string active, Markup body, int statusCode = StatusCodes.Status200OK)
    {
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        var nav = signedIn
            ? Markup.Of($"""
                <nav class="nav" aria-label="Main">
                  <ul>{s_navigation.Select(n => Markup.Of($"<li><a href=\"{n.Href}\"{(n.Key == active ? Markup.Trusted(" aria-current=\"page\"") : Markup.Empty)}>{n.Label}</a></li>"))}</ul>
                </nav>
                <form class="signout" method="post" action="/signout">{CsrfField(http)}<span class="who">{http.User.FindFirstValue(ClaimTypes.Name)}</span> <button type="submit" class="link">Sign out</button></form>
                """)
            : Markup.Empty;
        var html = Markup.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="same-origin">
            <title>{title} · Harrier</title>
            <link rel="icon" href="/ui/harrier.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/ui/app.css">
            <script src="/ui/app.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top">
              <a class="brand" href="/scans"><img src="/ui/harrier.svg" alt="" width="24" height="24"> Harrier</a>
              {nav}
            </header>
            <main id="main" tabindex="-1">
            {body}
            </main>
            </body>
            </html>
            """);
        return Html(http, html, statusCode);
    }

    public static IResult Html(HttpContext http, Markup html, int statusCode = StatusCodes.Status200OK)
    {
        Security.ApplyHeaders(http.Response);
        return Results.Content(html.Html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
    }

    /// <summary>An error page (not found, refused, expired form) with a way back.</summary>
    public static IResult Problem(HttpContext http, int statusCode, string title, string message) =>
        Page(http, title, "", Markup.Of($"""
            <h1>{title}</h1>
            <p class="notice error" role="alert">{message}</p>
            <p><a href="/scans">Back to scans</a></p>
            """), statusCode);

    public static IResult NotFound(HttpContext http, string what) =>
        Problem(http, StatusCodes.Status404NotFound, "Not found", $"{what} was not found, or it is not yours.");

    /// <summary>303 to a local path after a form post (Post/Redirect/Get).</summary>
    public static IResult SeeOther(string localPath) => new SeeOtherResult(localPath);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            httpContext.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }
    }
}
