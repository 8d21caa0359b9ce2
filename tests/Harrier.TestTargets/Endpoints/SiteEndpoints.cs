using System.Globalization;
using System.Text;
using System.Text.Json;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>The home page, the <c>/vuln/</c> and <c>/safe/</c> indexes (built from the vulnerability list), robots.txt and sitemap.xml.</summary>
internal static class SiteEndpoints
{
    public static void Map(WebApplication app, TargetState state)
    {
        var home = Html.PageBytes("Harrier test target", HomeBody(state.Options.OutOfScopeBaseUrl));
        app.MapGet("/", context => Html.WriteBytesAsync(context, home));

        var vulnerable = Html.PageBytes("Vulnerable area", IndexBody(safe: false));
        var safe = Html.PageBytes("Safe twins", IndexBody(safe: true));
        app.MapGet("/vuln/", context => state.AddedPages.IsEmpty
            ? Html.WriteBytesAsync(context, vulnerable)
            : Html.WritePageAsync(context, "Vulnerable area", IndexBody(safe: false) + AddedPagesList(state.AddedPages)));
        app.MapGet("/safe/", context => Html.WriteBytesAsync(context, safe));

        var vulnerableScript = Encoding.UTF8.GetBytes(ApiClientScript(safe: false));
        var safeScript = Encoding.UTF8.GetBytes(ApiClientScript(safe: true));
        app.MapGet(TwinRoutes.VulnerablePrefix + ApiClientPath, context => Html.WriteBytesAsync(context, vulnerableScript, JavaScriptContentType));
        app.MapGet(TwinRoutes.SafePrefix + ApiClientPath, context => Html.WriteBytesAsync(context, safeScript, JavaScriptContentType));

        app.MapGet("/robots.txt", static context =>
        {
            // The Sitemap line must be absolute, so it is the one part built per request.
            var text = "User-agent: *\nDisallow: /crawl/robots-only/\nDisallow: /auth/logout\nAllow: /\n" +
                $"Sitemap: {Origin(context)}/sitemap.xml\n";
            return Html.WriteStringAsync(context, text, Html.TextContentType, StatusCodes.Status200OK);
        });

        app.MapGet("/sitemap.xml", static context =>
        {
            var origin = Origin(context);
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            foreach (var path in (string[])["/", "/vuln/", "/safe/", "/app/", "/crawl/", "/crawl/sitemap-only", "/gen/"])
            {
                xml.Append("  <url><loc>").Append(origin).Append(path).Append("</loc></url>\n");
            }

            return Html.WriteStringAsync(context, xml.Append("</urlset>\n").ToString(), "application/xml; charset=utf-8", StatusCodes.Status200OK);
        });
    }

    /// <summary>The index's front end: its buttons call the JSON and XML endpoints (see <see cref="ApiClientScript"/>).</summary>
    internal const string ApiClientPath = "/api-client.js";

    private const string JavaScriptContentType = "text/javascript; charset=utf-8";

    internal static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host.Value}";

    private static string HomeBody(Uri? outOfScope)
    {
        var body = new StringBuilder();
        body.Append("<p>A deliberately vulnerable web app for testing the Harrier scanner. Loopback only.</p>\n<ul>\n")
            .Append("<li><a href=\"/vuln/\">Vulnerable area</a> (every known vulnerability)</li>\n")
            .Append("<li><a href=\"/safe/\">Safe twins</a> (the same resources, not vulnerable)</li>\n")
            .Append("<li><a href=\"/app/\">A small app for scope tests</a></li>\n")
            .Append("<li><a href=\"/crawl/\">Crawler features</a>: redirects, frames, meta refresh, scripts</li>\n")
            .Append("<li><a href=\"/forms/\">Forms with every input type</a></li>\n")
            .Append("<li><a href=\"/auth/login\">Sign in</a></li>\n")
            .Append("<li><a href=\"/gen/\">A large generated site</a></li>\n")
            .Append("</ul>\n");
        if (outOfScope is not null)
        {
            body.Append("<p>Partner site: <a href=\"").Append(Html.Encode(new Uri(outOfScope, "from-home").AbsoluteUri))
                .Append("\">visit</a>, or <a href=\"/app/go-external\">via a redirect</a>.</p>\n");
        }

        return body.ToString();
    }

    /// <summary>Links to the pages the admin surface added, after the regular index.</summary>
    private static string AddedPagesList(AddedPages pages) =>
        "<h2>New pages</h2>\n<ul>\n" + string.Concat(pages.Names.Select(name =>
            $"<li><a href=\"{Html.Encode(AddedPages.LinkOf(name))}\">{Html.Encode(name)}</a></li>\n")) + "</ul>\n";

    private static string IndexBody(bool safe)
    {
        var body = new StringBuilder("<ul>\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vulnerability in KnownVulnerabilities.All)
        {
            var path = safe ? vulnerability.SafeTwinPath : vulnerability.Path;
            if (path is null || (!vulnerability.Crawlable && vulnerability.ExampleBody is null) || !path.StartsWith(safe ? TwinRoutes.SafePrefix + "/" : TwinRoutes.VulnerablePrefix + "/", StringComparison.Ordinal)
                || !seen.Add($"{vulnerability.Method} {path} {vulnerability.Parameter}"))
            {
                continue;
            }

            body.Append("<li>").Append(Html.Encode(vulnerability.Id)).Append(": ").Append(IndexEntry(vulnerability, path)).Append("</li>\n");
        }

        // A crawlable page whose backup copy (vulnerable side only) a scanner has to probe for.
        var prefix = safe ? TwinRoutes.SafePrefix : TwinRoutes.VulnerablePrefix;
        body.Append("</ul>\n<p><a href=\"").Append(prefix).Append("/backup/config.php\">Configuration</a></p>\n")
            .Append("<script src=\"").Append(prefix).Append(ApiClientPath).Append("\"></script>\n");

        // A folder that answers 200 for every path: probes there must not report anything.
        return (safe ? body.Append("<p><a href=\"/safe/soft404/index.php\">Soft 404 folder</a></p>\n") : body).ToString();
    }

    private static string IndexEntry(KnownVulnerability vulnerability, string path)
    {
        var example = vulnerability.ExampleValue ?? string.Empty;
        return vulnerability.Location switch
        {
            _ when !vulnerability.Crawlable =>
                $"<code>{Html.Encode(vulnerability.Method)} {Html.Encode(path)}</code> (send a body such as <code>{Html.Encode(vulnerability.ExampleBody)}</code>)" +
                (IsApiCall(vulnerability) ? $" <button type=\"button\" id=\"{Html.Encode(vulnerability.Id)}\">Send</button>" : string.Empty),
            ParameterLocation.Form =>
                $"<form method=\"post\" action=\"{Html.Encode(path)}\"><input type=\"text\" name=\"{Html.Encode(vulnerability.Parameter)}\" " +
                $"value=\"{Html.Encode(example)}\">{(vulnerability.Family == "csrf" ? string.Empty : Forms.CsrfField)}<button>Send</button></form>",
            ParameterLocation.Query =>
                $"<a href=\"{Html.Encode(path)}?{Uri.EscapeDataString(vulnerability.Parameter ?? "q")}={Uri.EscapeDataString(example)}\">{Html.Encode(path)}</a>",
            ParameterLocation.Fragment =>
                $"<a href=\"{Html.Encode(path)}#{Uri.EscapeDataString(example)}\">{Html.Encode(path)}</a>",
            _ => $"<a href=\"{Html.Encode(path)}\">{Html.Encode(path)}</a>",
        };
    }

    private static bool IsApiCall(KnownVulnerability vulnerability) =>
        vulnerability.ExampleBody is not null && vulnerability.Location is ParameterLocation.Json or ParameterLocation.Xml;

    /// <summary>
    /// What a single-page app's front end does: each JSON endpoint is called with <c>fetch</c> and
    /// <c>JSON.stringify</c> of its example, each XML endpoint with <c>XMLHttpRequest</c> and its example as a string.
    /// An external script, because the site's CSP allows no inline script.
    /// </summary>
    private static string ApiClientScript(bool safe)
    {
        var script = new StringBuilder("// The front end of the JSON and XML endpoints: each button sends its example body.\n");
        foreach (var vulnerability in KnownVulnerabilities.All.Where(IsApiCall))
        {
            var path = safe ? vulnerability.SafeTwinPath : vulnerability.Path;
            if (path is null)
            {
                continue;
            }

            var id = JsonSerializer.Serialize(vulnerability.Id);
            var url = JsonSerializer.Serialize(path);
            var method = JsonSerializer.Serialize(vulnerability.Method);
            script.Append(CultureInfo.InvariantCulture, $"document.getElementById({id}).addEventListener('click', function () {{\n");
            if (vulnerability.Location == ParameterLocation.Json)
            {
                script.Append(CultureInfo.InvariantCulture, $"  fetch({url}, {{ method: {method}, headers: {{ 'Content-Type': 'application/json' }}, body: JSON.stringify({vulnerability.ExampleBody}) }});\n");
            }
            else
            {
                script.Append(CultureInfo.InvariantCulture, $"  var xhr = new XMLHttpRequest();\n  xhr.open({method}, {url});\n")
                    .Append("  xhr.setRequestHeader('Content-Type', 'application/xml');\n")
                    .Append(CultureInfo.InvariantCulture, $"  xhr.send({JsonSerializer.Serialize(vulnerability.ExampleBody)});\n");
            }

            script.Append("});\n");
        }

        return script.ToString();
    }
}
