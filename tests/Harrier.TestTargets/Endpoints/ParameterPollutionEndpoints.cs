using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// HTTP parameter pollution: the vulnerable page builds its "printable version" link by pasting the <c>lang</c> value into
/// the query string without URL-encoding it (HTML-encoded, so no XSS), so <c>en&amp;copies=0</c> adds a <c>copies</c>
/// parameter to the generated link. The twin URL-encodes the value. The print page ignores its parameters.
/// </summary>
internal static class ParameterPollutionEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGetTwin("/hpp/share", static safe => context =>
        {
            var lang = context.Request.Query["lang"].ToString();
            var value = safe ? Uri.EscapeDataString(lang) : lang;
            var print = (safe ? TwinRoutes.SafePrefix : TwinRoutes.VulnerablePrefix) + "/hpp/print?lang=" + value + "&format=pdf";
            return Html.WritePageAsync(context, "Share this page", $"<p><a href=\"{Html.Encode(print)}\">Printable version</a></p>");
        });

        app.MapGetTwin("/hpp/print", static _ => context =>
            Html.WritePageAsync(context, "Printable version", "<p>The printable version is being prepared.</p>"));
    }
}
