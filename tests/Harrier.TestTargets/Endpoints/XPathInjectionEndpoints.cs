using Harrier.TestTargets.Infrastructure;
using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// XPath injection, simulated (<see cref="FakeXPath"/>): the vulnerable staff lookup concatenates the name into an
/// XPath string literal, so a quote breaks the expression and PHP shows libxml's warning (text mode, as with
/// <c>html_errors=Off</c>). Every valid input shows the same fixed result, so the page is no boolean-based hole, and the
/// input is never echoed. The twin binds the name as an XPath variable.
/// </summary>
internal static class XPathInjectionEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGetTwin("/xpath/staff", static safe => context =>
        {
            var name = context.Request.Query["name"].ToString();
            var error = safe ? null : FakeXPath.SyntaxError($"//staff/member[name/text()='{name}']/phone");
            var warning = error is null
                ? string.Empty
                : $"<p>Warning: DOMXPath::query(): {Html.Encode(error)} in /var/www/html/staff.php on line 14</p>\n";
            return Html.WritePageAsync(context, "Staff directory",
                warning + "<p>Call the front desk on extension 100 for any staff member.</p>");
        });
    }
}
