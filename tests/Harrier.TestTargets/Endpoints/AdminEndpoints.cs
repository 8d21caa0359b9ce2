using System.Net;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// The admin surface tests use to change the site between scans: fix a hole and open it again, add a page with a new
/// hole. Under <c>/__admin/</c>, linked from nowhere, loopback callers only, left out of <c>OnRequest</c>.
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/__admin";

    public static void Map(WebApplication app, TargetState state)
    {
        var admin = app.MapGroup(Prefix).AddEndpointFilter(static async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
                ? await next(context).ConfigureAwait(false)
                : Results.Text("Loopback only.", statusCode: StatusCodes.Status403Forbidden));

        admin.MapGet("/holes/fixed", () => Results.Text(string.Concat(state.Holes.FixedIds.Select(id => id + "\n"))));
        admin.MapPost("/holes/{id}/fixed", (string id) => Toggle(state, id, fix: true));
        admin.MapPost("/holes/{id}/vulnerable", (string id) => Toggle(state, id, fix: false));

        admin.MapPost("/pages", (string? name) =>
        {
            if (!AddedPages.IsValidName(name))
            {
                return Results.Text("The name must be 1 to 40 lower-case letters or hyphens, starting with a letter.", statusCode: StatusCodes.Status400BadRequest);
            }

            return state.AddedPages.Add(name!)
                ? Results.Text(AddedPages.LinkOf(name!), statusCode: StatusCodes.Status201Created)
                : Results.Text($"A page named '{name}' exists already.", statusCode: StatusCodes.Status409Conflict);
        });

        // The added pages: a reflected XSS hole on q, like /vuln/xss/html; unknown names are 404 like any unknown path.
        app.MapGet(AddedPages.PathPrefix + "{name}", context =>
        {
            var name = context.Request.RouteValues["name"] as string ?? "";
            if (!state.AddedPages.Contains(name))
            {
                return Html.NotFoundAsync(context);
            }

            var q = context.Request.Query[AddedPages.Parameter].ToString();
            return Html.WritePageAsync(context, "New: " + Html.Encode(name), $"<p>Search the new page: {q}</p>");
        });
    }

    private static IResult Toggle(TargetState state, string id, bool fix)
    {
        var hole = KnownVulnerabilities.All.FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.Ordinal));
        if (hole is null)
        {
            return Results.Text($"No known vulnerability with id '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        if (hole.SafeTwinPath is null)
        {
            return Results.Text($"'{id}' has no safe twin, so it cannot be fixed.", statusCode: StatusCodes.Status409Conflict);
        }

        if (fix)
        {
            state.Holes.Fix(hole);
        }
        else
        {
            state.Holes.Reopen(hole);
        }

        return Results.NoContent();
    }
}
