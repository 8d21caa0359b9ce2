using System.Text;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Crawler features under <c>/crawl/</c>: in-scope redirects of every status, a redirect chain, meta refresh,
/// frames and iframes, script sources, a base href, links only found in robots.txt or sitemap.xml.
/// Every path that a feature leads to answers <c>/crawl/target/{name}</c>, so tests can check it was reached.
/// </summary>
internal static class CrawlEndpoints
{
    public static void Map(WebApplication app)
    {
        var index = Html.PageBytes("Crawler features",
            "<ul>\n" +
            "<li><a href=\"/crawl/redirect/301\">301</a> <a href=\"/crawl/redirect/302\">302</a> <a href=\"/crawl/redirect/303\">303</a> " +
            "<a href=\"/crawl/redirect/307\">307</a> <a href=\"/crawl/redirect/308\">308</a></li>\n" +
            "<li><a href=\"/crawl/redirect-chain/3\">A chain of three redirects</a></li>\n" +
            "<li><a href=\"/crawl/meta-refresh\">Meta refresh</a></li>\n" +
            "<li><a href=\"/crawl/frames\">Frameset</a> and <a href=\"/crawl/iframe\">iframe</a></li>\n" +
            "<li><a href=\"/crawl/scripts\">Script sources</a></li>\n" +
            "<li><a href=\"/crawl/base/\">Base href</a></li>\n" +
            "<li><a href=\"/crawl/elements\">Other linking elements</a></li>\n" +
            "</ul>\n");
        app.MapGet("/crawl/", context => Html.WriteBytesAsync(context, index));

        app.MapGet("/crawl/redirect/{status}", static context =>
        {
            var status = context.Request.RouteValues["status"] as string;
            return status is "301" or "302" or "303" or "307" or "308"
                ? Html.RedirectAsync(context, "/crawl/target/after-" + status, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture))
                : Html.NotFoundAsync(context);
        });

        app.MapGet("/crawl/redirect-chain/{hops}", static context =>
        {
            var hops = context.Request.RouteValues["hops"] as string;
            return hops switch
            {
                "3" => Html.RedirectAsync(context, "/crawl/redirect-chain/2"),
                "2" => Html.RedirectAsync(context, "/crawl/redirect-chain/1"),
                "1" => Html.RedirectAsync(context, "/crawl/target/after-chain"),
                _ => Html.NotFoundAsync(context),
            };
        });

        var meta = Html.PageBytes("Moved", "<p>This page has moved.</p>",
            "<meta http-equiv=\"refresh\" content=\"0; url=/crawl/target/after-meta-refresh\">");
        app.MapGet("/crawl/meta-refresh", context => Html.WriteBytesAsync(context, meta));

        var frames = Encoding.UTF8.GetBytes(
            "<!DOCTYPE html>\n<html><head><title>Frames</title></head>\n" +
            "<frameset cols=\"30%,70%\"><frame src=\"/crawl/target/frame-left\" name=\"left\"><frame src=\"/crawl/target/frame-right\" name=\"right\"></frameset>\n</html>\n");
        app.MapGet("/crawl/frames", context => Html.WriteBytesAsync(context, frames));

        var iframe = Html.PageBytes("Iframe", "<iframe src=\"/crawl/target/iframe-inner\" title=\"inner\"></iframe>");
        app.MapGet("/crawl/iframe", context => Html.WriteBytesAsync(context, iframe));

        var scripts = Html.PageBytes("Scripts", "<script src=\"/crawl/static/app.js\"></script>\n<p>Scripted page.</p>");
        app.MapGet("/crawl/scripts", context => Html.WriteBytesAsync(context, scripts));

        var appJs = Encoding.UTF8.GetBytes("var endpoints = { report: '/crawl/target/from-script' };\n");
        app.MapGet("/crawl/static/app.js", context => Html.WriteBytesAsync(context, appJs, "text/javascript; charset=utf-8"));

        var css = Encoding.UTF8.GetBytes("body { font-family: sans-serif; }\n");
        app.MapGet("/crawl/static/site.css", context => Html.WriteBytesAsync(context, css, "text/css; charset=utf-8"));

        var baseBytes = Html.PageBytes("Base href", "<a href=\"page\">relative to the base</a>", "<base href=\"/crawl/target/based/\">");
        app.MapGet("/crawl/base/", context => Html.WriteBytesAsync(context, baseBytes));

        var elements = Html.PageBytes("Linking elements",
            "<link rel=\"stylesheet\" href=\"/crawl/static/site.css\">\n" +
            "<img src=\"/crawl/target/image\" alt=\"\">\n" +
            "<map name=\"m\"><area shape=\"rect\" coords=\"0,0,10,10\" href=\"/crawl/target/area\" alt=\"area\"></map>\n" +
            "<form action=\"/crawl/target/form-action\" method=\"get\"><input type=\"hidden\" name=\"from\" value=\"form\"><button>Go</button></form>\n");
        app.MapGet("/crawl/elements", context => Html.WriteBytesAsync(context, elements));

        var sitemapOnly = Html.PageBytes("Only in the sitemap", "<p>No page links here; sitemap.xml does.</p>");
        app.MapGet("/crawl/sitemap-only", context => Html.WriteBytesAsync(context, sitemapOnly));

        var robotsOnly = Html.PageBytes("Only in robots.txt", "<p>No page links here; robots.txt disallows it.</p>");
        app.MapGet("/crawl/robots-only/", context => Html.WriteBytesAsync(context, robotsOnly));

        app.MapGet("/crawl/target/{**name}", static context =>
        {
            var name = context.Request.RouteValues["name"] as string ?? string.Empty;
            return Html.WritePageAsync(context, "Reached", $"<p>You reached {Html.Encode(name)}.</p>");
        });
    }
}
