using System.Text.Encodings.Web;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Open redirects: the <c>Location</c> header, a meta refresh, a script assignment, and a POSTed form field.
/// The target URL is always encoded for its context (these are not XSS holes). Twins redirect to local paths only.
/// </summary>
internal static class RedirectEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGetTwin("/redirect/location", static safe => context =>
            Html.RedirectAsync(context, Target(context.Request.Query["url"].ToString(), safe)));

        app.MapGetTwin("/redirect/meta", static safe => context =>
            Html.WriteAsync(context, Html.Page("Redirecting", "<p>Redirecting…</p>",
                $"<meta http-equiv=\"refresh\" content=\"0; url={Html.Encode(Target(context.Request.Query["url"].ToString(), safe))}\">")));

        app.MapGetTwin("/redirect/script", static safe => context =>
            Html.WritePageAsync(context, "Redirecting",
                $"<script>window.location.href = \"{JavaScriptEncoder.Default.Encode(Target(context.Request.Query["url"].ToString(), safe))}\";</script>"));

        app.MapPostTwin("/redirect/post", static safe => async context =>
        {
            var form = await Bodies.ReadFormAsync(context).ConfigureAwait(false);
            await Html.RedirectAsync(context, Target(form["url"].ToString(), safe)).ConfigureAwait(false);
        });
    }

    private static string Target(string url, bool safe)
    {
        if (url.Length == 0)
        {
            return "/";
        }

        var local = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
        return !safe || local ? url : "/";
    }
}
