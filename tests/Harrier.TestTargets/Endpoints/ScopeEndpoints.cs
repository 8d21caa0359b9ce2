using System.Text;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Scope tests. A scan that starts at <c>/app/</c> (entered path and below) must never request <c>/outside/…</c>
/// (counted: <see cref="TestTargetServer.OutsideRequestCount"/>) nor anything on <see cref="TestTargetOptions.OutOfScopeBaseUrl"/>,
/// although <c>/app/</c> links, posts, frames, scripts, refreshes and redirects to both.
/// </summary>
internal static class ScopeEndpoints
{
    public static void Map(WebApplication app, TargetState state)
    {
        var outOfScope = state.Options.OutOfScopeBaseUrl;
        var index = Html.PageBytes("Scoped app", AppBody(outOfScope));
        app.MapGet("/app/", context => Html.WriteBytesAsync(context, index));

        var about = Html.PageBytes("About the app", "<p>Back to <a href=\"/app/\">the app</a>; see <a href=\"/app/products?page=2\">products</a>.</p>");
        app.MapGet("/app/about", context => Html.WriteBytesAsync(context, about));
        app.MapGet("/app/products", static context =>
        {
            var page = context.Request.Query["page"].ToString();
            return Html.WritePageAsync(context, "Products",
                $"<p>Page {Html.Encode(page)}.</p><p><a href=\"/app/products?page=1\">1</a> <a href=\"/app/products?page=2\">2</a></p>" +
                "<form method=\"get\" action=\"/app/search\"><input type=\"search\" name=\"q\"><button>Search</button></form>");
        });
        app.MapGet("/app/search", static context =>
            Html.WritePageAsync(context, "Search", $"<p>Nothing found for {Html.Encode(context.Request.Query["q"].ToString())}.</p>"));

        app.MapGet("/app/go-outside", static context => Html.RedirectAsync(context, "/outside/from-app-redirect"));
        app.MapGet("/app/hop", static context => Html.RedirectAsync(context, "/app/hop-2"));
        app.MapGet("/app/hop-2", static context => Html.RedirectAsync(context, "/outside/from-app-redirect-chain", StatusCodes.Status301MovedPermanently));
        var metaOut = Html.PageBytes("Moved", "<p>Moved outside.</p>", "<meta http-equiv=\"refresh\" content=\"0; url=/outside/from-app-meta-refresh\">");
        app.MapGet("/app/meta-outside", context => Html.WriteBytesAsync(context, metaOut));
        app.MapPost("/app/subscribe", static context => Html.RedirectAsync(context, "/outside/from-app-post-redirect", StatusCodes.Status307TemporaryRedirect));

        app.MapGet("/app/go-external", context => outOfScope is null
            ? Html.NotFoundAsync(context)
            : Html.RedirectAsync(context, new Uri(outOfScope, "from-app-redirect").AbsoluteUri));
        app.MapPost("/app/subscribe-external", context => outOfScope is null
            ? Html.NotFoundAsync(context)
            : Html.RedirectAsync(context, new Uri(outOfScope, "from-app-post-redirect").AbsoluteUri, StatusCodes.Status307TemporaryRedirect));

        var outside = Html.PageBytes("Outside the app",
            "<p>This area is outside <code>/app/</code>. A scan limited to /app/ must never come here.</p>" +
            "<p><a href=\"/outside/deeper\">Deeper</a> <a href=\"/outside/search?q=1\">Search</a></p>");
        app.Map("/outside/{**rest}", context =>
        {
            state.CountOutsideRequest();
            return Html.WriteBytesAsync(context, outside);
        });
    }

    private static string AppBody(Uri? outOfScope)
    {
        var body = new StringBuilder();
        body.Append("<ul>\n")
            .Append("<li><a href=\"/app/about\">About</a></li>\n")
            .Append("<li><a href=\"/app/products?page=1\">Products</a></li>\n")
            .Append("<li><a href=\"/outside/from-app-link\">A link outside the app</a></li>\n")
            .Append("<li><a href=\"/app/../outside/from-app-dot-segments\">A link that only looks inside</a></li>\n")
            .Append("<li><a href=\"/app/go-outside\">A redirect outside the app</a></li>\n")
            .Append("<li><a href=\"/app/hop\">Redirects that end outside the app</a></li>\n")
            .Append("<li><a href=\"/app/meta-outside\">A meta refresh outside the app</a></li>\n")
            .Append("</ul>\n")
            .Append("<form method=\"post\" action=\"/app/subscribe\"><input type=\"email\" name=\"email\" value=\"a@example.com\">")
            .Append(Forms.CsrfField).Append("<button>Subscribe</button></form>\n")
            .Append("<form method=\"get\" action=\"/outside/search\"><input type=\"search\" name=\"q\"><button>Search outside</button></form>\n")
            .Append("<iframe src=\"/outside/from-app-iframe\" title=\"outside\"></iframe>\n");
        if (outOfScope is not null)
        {
            string Url(string path) => Html.Encode(new Uri(outOfScope, path).AbsoluteUri);
            body.Append("<h2>Partner site</h2>\n<ul>\n")
                .Append("<li><a href=\"").Append(Url("from-app-link")).Append("\">Partner</a></li>\n")
                .Append("<li><a href=\"//").Append(Html.Encode(outOfScope.Authority)).Append("/from-app-protocol-relative\">Partner (protocol-relative)</a></li>\n")
                .Append("<li><a href=\"/app/go-external\">Partner via a redirect</a></li>\n")
                .Append("</ul>\n")
                .Append("<form method=\"post\" action=\"").Append(Url("from-app-form")).Append("\"><input type=\"text\" name=\"name\" value=\"a\">")
                .Append(Forms.CsrfField).Append("<button>Send to partner</button></form>\n")
                .Append("<form method=\"post\" action=\"/app/subscribe-external\"><input type=\"email\" name=\"email\" value=\"a@example.com\">")
                .Append(Forms.CsrfField).Append("<button>Subscribe at partner</button></form>\n")
                .Append("<iframe src=\"").Append(Url("from-app-iframe")).Append("\" title=\"partner\"></iframe>\n")
                .Append("<img src=\"").Append(Url("from-app-image.png")).Append("\" alt=\"\">\n")
                .Append("<script src=\"").Append(Url("from-app-script.js")).Append("\"></script>\n");
        }

        return body.ToString();
    }
}
