using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Cross-site scripting: one endpoint per reflection context, each reflecting its input exactly once.
/// The vulnerable variant writes the raw value; the twin encodes it for that context.
/// </summary>
internal static class XssEndpoints
{
    public static void Map(WebApplication app, TargetState state)
    {
        app.MapGetTwin("/xss/html", static safe => context =>
        {
            var q = context.Request.Query["q"].ToString();
            var shown = safe ? Html.Encode(q) : q;
            return Html.WritePageAsync(context, "Search", SearchForm(context) + $"<p>You searched for: {shown}</p>");
        });

        app.MapGetTwin("/xss/attr-quoted", static safe => context =>
        {
            var q = context.Request.Query["q"].ToString();
            var shown = safe ? Html.Encode(q) : q;
            return Html.WritePageAsync(context, "Edit search",
                $"<form method=\"get\"><input type=\"text\" name=\"q\" value=\"{shown}\"><button>Search</button></form>");
        });

        app.MapGetTwin("/xss/attr-unquoted", static safe => context =>
        {
            var q = context.Request.Query["q"].ToString();
            var shown = safe ? EncodeForUnquotedAttribute(q) : q;
            return Html.WritePageAsync(context, "Edit search",
                $"<form method=\"get\"><input type=text name=q value={shown}><button>Search</button></form>");
        });

        app.MapGetTwin("/xss/script", static safe => context =>
        {
            var q = context.Request.Query["q"].ToString();
            var shown = safe ? JavaScriptEncoder.Default.Encode(q) : q;
            return Html.WritePageAsync(context, "Search analytics",
                SearchForm(context) + $"<script>var lastSearch = '{shown}'; var searches = [lastSearch];</script>");
        });

        app.MapGetTwin("/xss/href", static safe => context =>
        {
            var url = context.Request.Query["url"].ToString();
            var shown = safe ? SafeHref(url) : Html.Encode(url);
            return Html.WritePageAsync(context, "Your website",
                $"<p>Your website: <a href=\"{shown}\">visit</a></p>" +
                "<form method=\"get\"><input type=\"url\" name=\"url\"><button>Save</button></form>");
        });

        app.MapGetTwin("/xss/comment", static safe => context =>
        {
            var q = context.Request.Query["q"].ToString();
            var shown = safe ? Html.Encode(q) : q;
            return Html.WritePageAsync(context, "Search (debug)",
                SearchForm(context) + $"<!-- debug: last search was {shown} -->\n<p>Results are below.</p>");
        });

        app.MapPostTwin("/xss/post", static safe => async context =>
        {
            var form = await Bodies.ReadFormAsync(context).ConfigureAwait(false);
            var comment = form["comment"].ToString();
            var shown = safe ? Html.Encode(comment) : comment;
            await Html.WritePageAsync(context, "Preview", $"<p>Preview of your comment:</p><div>{shown}</div>").ConfigureAwait(false);
        });

        app.MapGetTwin("/xss/path/{name}", static safe => context =>
        {
            var name = context.Request.RouteValues["name"] as string ?? string.Empty;
            var shown = safe ? Html.Encode(name) : name;
            return Html.WritePageAsync(context, "Profile", $"<p>Profile of {shown}</p>");
        });

        app.MapGetTwin("/xss/filtered", static safe => context =>
        {
            var q = context.Request.Query["q"].ToString();

            // The "filter" removes lower-case script tags once: <img onerror=…>, <ScRiPt> and <scr<script>ipt> get through.
            var shown = safe ? Html.Encode(q) : RemoveScriptTagsOnce(q);
            return Html.WritePageAsync(context, "Filtered search", SearchForm(context) + $"<p>You searched for: {shown}</p>");
        });

        app.MapGetTwin("/xss/dom", static safe => context =>
        {
            var sink = safe ? "textContent" : "innerHTML";
            return Html.WritePageAsync(context, "Welcome",
                "<div id=\"greeting\"></div>\n<script>\n" +
                "var name = decodeURIComponent(location.hash.slice(1));\n" +
                $"document.getElementById('greeting').{sink} = 'Hello ' + name;\n</script>");
        });

        app.MapGetTwin("/xss/guestbook", safe => context =>
        {
            var comments = (safe ? state.SafeComments : state.VulnerableComments).Snapshot();
            var body = new StringBuilder("<ul>\n");
            foreach (var comment in comments)
            {
                body.Append("<li>").Append(safe ? Html.Encode(comment) : comment).Append("</li>\n");
            }

            body.Append("</ul>\n<form method=\"post\"><textarea name=\"comment\"></textarea>")
                .Append(Forms.CsrfField).Append("<button>Sign</button></form>");
            return Html.WritePageAsync(context, "Guestbook", body.ToString());
        });

        app.MapPostTwin("/xss/guestbook", safe => async context =>
        {
            var form = await Bodies.ReadFormAsync(context).ConfigureAwait(false);
            var comment = form["comment"].ToString();
            if (comment.Length > 0)
            {
                (safe ? state.SafeComments : state.VulnerableComments).Add(comment.Length > 2000 ? comment[..2000] : comment);
            }

            await Html.RedirectAsync(context, context.Request.Path.Value!, StatusCodes.Status303SeeOther).ConfigureAwait(false);
        });
    }

    private static string SearchForm(HttpContext context) =>
        $"<form method=\"get\" action=\"{Html.Encode(context.Request.Path.Value)}\"><input type=\"search\" name=\"q\"><button>Search</button></form>\n";

    /// <summary>OWASP rule for unquoted attributes: every non-alphanumeric character as a numeric entity.</summary>
    internal static string EncodeForUnquotedAttribute(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("&#x").Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append(';');
            }
        }

        return builder.ToString();
    }

    /// <summary>Only http(s) URLs and local paths; anything else (javascript:, data:, …) becomes "#".</summary>
    private static string SafeHref(string url)
    {
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
        {
            return Html.Encode(url);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? Html.Encode(uri.AbsoluteUri)
            : "#";
    }

    private static string RemoveScriptTagsOnce(string value) =>
        value.Replace("<script>", string.Empty, StringComparison.Ordinal).Replace("</script>", string.Empty, StringComparison.Ordinal);
}
