using System.Text;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Information disclosure: a stack-trace error page, framework version headers, an internal IP address, an
/// Apache-style directory listing, PHP source code, a card number. Each twin has the same resource without the leak.
/// </summary>
internal static class DisclosureEndpoints
{
    private const string StackTrace =
        "<h1>Server Error in '/' Application.</h1>\n<h2><i>Object reference not set to an instance of an object.</i></h2>\n" +
        "<b>Exception Details: </b>System.NullReferenceException: Object reference not set to an instance of an object.<br>\n" +
        "<b>Stack Trace:</b>\n<pre>\n[NullReferenceException: Object reference not set to an instance of an object.]\n" +
        "   Shop.Web.Controllers.ProductController.Details(Int32 id) +112\n" +
        "   System.Web.Mvc.ActionMethodDispatcher.Execute(ControllerBase controller, Object[] parameters) +14\n" +
        "   System.Web.Mvc.ControllerActionInvoker.InvokeActionMethod(ControllerContext controllerContext, ActionDescriptor actionDescriptor) +52\n" +
        "   System.Web.HttpApplication.ExecuteStep(IExecutionStep step, Boolean&amp; completedSynchronously) +155\n</pre>";

    public static void Map(WebApplication app)
    {
        var stack = Html.PageBytes("Runtime Error", StackTrace);
        var friendly = Html.PageBytes("Product", "<p>This product is not available right now. Reference: E1042.</p>");
        app.MapGetTwin("/info/stacktrace", safe => context =>
        {
            if (!safe)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            return Html.WriteBytesAsync(context, safe ? friendly : stack);
        });

        var about = Html.PageBytes("About", "<p>Shop, version 2.</p>");
        app.MapGetTwin("/info/version", safe => context =>
        {
            if (!safe)
            {
                context.Response.Headers["X-AspNet-Version"] = "4.0.30319";
                context.Response.Headers["X-Powered-By"] = "ASP.NET";
            }

            return Html.WriteBytesAsync(context, about);
        });

        var leak = Html.PageBytes("Status", "<p>All good.</p>\n<!-- served by app node 10.0.12.34:8080 -->");
        var noLeak = Html.PageBytes("Status", "<p>All good.</p>\n<!-- served by app node 7 -->");
        app.MapGetTwin("/info/internal-ip", safe => context => Html.WriteBytesAsync(context, safe ? noLeak : leak));

        var listing = Html.PageBytes("Index of /vuln/listing",
            "<table>\n<tr><th>Name</th><th>Last modified</th><th>Size</th></tr>\n" +
            "<tr><td><a href=\"/vuln/\">Parent Directory</a></td><td>&nbsp;</td><td>-</td></tr>\n" +
            "<tr><td><a href=\"readme.txt\">readme.txt</a></td><td>2024-01-31 10:12</td><td>1.2K</td></tr>\n" +
            "<tr><td><a href=\"notes.txt\">notes.txt</a></td><td>2024-01-31 10:14</td><td>312</td></tr>\n" +
            "</table>\n<address>Apache Server at localhost Port 80</address>");
        var noListing = Html.PageBytes("Downloads", "<p>Browse our <a href=\"readme.txt\">readme</a>.</p>");
        app.MapGetTwin("/listing/", safe => context => Html.WriteBytesAsync(context, safe ? noListing : listing));
        app.MapGetTwin("/listing/{file}", static _ => context =>
            context.Request.RouteValues["file"] is "readme.txt" or "notes.txt"
                ? Html.WriteTextAsync(context, "Just a text file.\n")
                : Html.NotFoundAsync(context));

        // Server-side code sent instead of run (a lost handler mapping); the twin runs it.
        var source = Encoding.UTF8.GetBytes("<?php\n// Order summary\n$total = $order->total();\necho \"<p>Total: $total</p>\";\n");
        var rendered = Html.PageBytes("Order summary", "<p>Total: 42.00</p>");
        app.MapGetTwin("/info/source", safe => context => safe ? Html.WriteBytesAsync(context, rendered) : Html.WriteBytesAsync(context, source, Html.TextContentType));

        // A full card number on an order page; the twin masks it.
        var card = Html.PageBytes("Your order", "<p>Paid with card 4111 1111 1111 1111, expiry 12/30.</p>");
        var masked = Html.PageBytes("Your order", "<p>Paid with card **** **** **** 1111, expiry 12/30.</p>");
        app.MapGetTwin("/info/order", safe => context => Html.WriteBytesAsync(context, safe ? masked : card));
    }
}
