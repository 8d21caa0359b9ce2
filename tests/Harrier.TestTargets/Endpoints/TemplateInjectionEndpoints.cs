using System.Text.RegularExpressions;
using Harrier.TestTargets.Infrastructure;
using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Server-side template injection: the vulnerable page builds its template from the input and renders it, so
/// <c>{{7*7}}</c>, <c>${7*7}</c>, <c>&lt;%= 7*7 %&gt;</c>, <c>#{7*7}</c> and <c>@(7*7)</c> come back as 49
/// (<see cref="TemplateExpression"/>; nothing else runs). A broken expression shows a Jinja-style error. Output is
/// HTML-encoded, so the page is not also an XSS hole. The twin passes the input to the template as data.
/// </summary>
internal static partial class TemplateInjectionEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGetTwin("/ssti/greet", static safe => context =>
        {
            var name = context.Request.Query["name"].ToString();
            if (safe)
            {
                return Html.WritePageAsync(context, "Greeting", $"<p>Hello {Html.Encode(name)}!</p>");
            }

            string? error = null;
            var rendered = Tag().Replace(name, match =>
            {
                var expression = match.Groups.Values.Skip(1).First(g => g.Success).Value.Trim();
                var value = TemplateExpression.Evaluate(expression);
                error ??= value is null ? $"jinja2.exceptions.TemplateSyntaxError: unexpected '{expression}'" : null;
                return value ?? string.Empty;
            });
            return error is null
                ? Html.WritePageAsync(context, "Greeting", $"<p>Hello {Html.Encode(rendered)}!</p>")
                : Html.WritePageAsync(context, "Template error", $"<pre>{Html.Encode(error)}</pre>", StatusCodes.Status500InternalServerError);
        });
    }

    [GeneratedRegex(@"\{\{(.{1,200}?)\}\}|\$\{(.{1,200}?)\}|<%=(.{1,200}?)%>|#\{(.{1,200}?)\}|@\((.{1,200}?)\)")]
    private static partial Regex Tag();
}
