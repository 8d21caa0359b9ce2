using System.Text;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// HTTP methods: the folder <c>/vuln/methods/</c> answers TRACE and TRACK by echoing the request (headers included),
/// as servers with <c>TraceEnable On</c> do; its twin <c>/safe/methods/</c> refuses them with 405.
/// </summary>
internal static class MethodEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGetTwin("/methods/", static safe => context =>
            Html.WritePageAsync(context, "Methods", "<p>This folder " + (safe ? "refuses" : "echoes") + " TRACE requests.</p>"));

        app.MapMethods("/vuln/methods/{**path}", ["TRACE", "TRACK"], static context =>
        {
            var request = context.Request;
            var echo = new StringBuilder().Append(request.Method).Append(' ').Append(request.Path).Append(request.QueryString).Append(" HTTP/1.1\r\n");
            foreach (var header in request.Headers)
            {
                echo.Append(header.Key).Append(": ").Append(header.Value.ToString()).Append("\r\n");
            }

            return Html.WriteStringAsync(context, echo.ToString(), "message/http", StatusCodes.Status200OK);
        });
        app.MapMethods("/safe/methods/{**path}", ["TRACE", "TRACK"], static context =>
            Html.WriteTextAsync(context, "Method not allowed.", StatusCodes.Status405MethodNotAllowed));
    }
}
