using Microsoft.AspNetCore.Antiforgery;

namespace Harrier.Web;

/// <summary>
/// Browser-facing protections of every UI response and state change: a strict Content-Security-Policy (scripts and
/// styles only from this server's own files, nothing inline), and CSRF checks (same-origin, then an antiforgery
/// token bound to the signed-in user).
/// </summary>
internal static class Security
{
    /// <summary>Sent by app.js on its live-update requests; lets the server answer 401 instead of a sign-in redirect.</summary>
    public const string LiveHeader = "X-Harrier-Live";

    public const string CsrfFieldName = "__csrf";
    public const string CsrfCookieName = "harrier.csrf";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>For reports rendered by the browser: no script at all, an opaque origin, the report's own inline styles.</summary>
    public const string ReportContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static void ConfigureAntiforgery(AntiforgeryOptions options)
    {
        options.Cookie.Name = CsrfCookieName;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        options.Cookie.HttpOnly = true;
        options.FormFieldName = CsrfFieldName;
        options.HeaderName = "X-Harrier-CSRF";
        options.SuppressXFrameOptionsHeader = true;
    }

    public static void ApplyHeaders(HttpResponse response, string policy = ContentSecurityPolicy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        PreventCaching(response);
        if (response.HttpContext.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }
    }

    /// <summary>Exactly the values the antiforgery service wants on a page that carries a token (else it logs a warning).</summary>
    public static void PreventCaching(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }

    /// <summary>The UI's CSRF check for every POST: refuses cross-site requests, then validates the antiforgery token.</summary>
    public static async ValueTask<object?> RequireSameOriginAndToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            if (!IsSameOrigin(http.Request))
            {
                return Pages.Layout.Problem(http, StatusCodes.Status403Forbidden, "Cross-site request refused",
                    "This form was sent from another site. Open Harrier directly and try again.");
            }

            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
            {
                return Pages.Layout.Problem(http, StatusCodes.Status400BadRequest, "The form has expired",
                    "The page was open too long or you signed in again meanwhile. Go back, reload the page and try again.");
            }
        }

        return await next(context).ConfigureAwait(false);
    }

    /// <summary>Fetch metadata and Origin, when the browser sends them, must name this very site.</summary>
    internal static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || (origin == "null" && site == "same-origin"))
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
