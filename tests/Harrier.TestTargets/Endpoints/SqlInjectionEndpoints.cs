using System.Text;
using System.Text.Json;
using System.Xml;
using Harrier.TestTargets.Infrastructure;
using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// SQL injection, simulated (<see cref="FakeSql"/>, <see cref="FakeSqlEvaluator"/>): error-based per database and per
/// insertion point, boolean-based and time-based blind. The vulnerable pages never echo the input, so they are not
/// also XSS holes; error-based pages show the same fixed result page whatever the input, so they are not also
/// boolean-based holes. Twins treat the input as a bound parameter.
/// </summary>
internal static class SqlInjectionEndpoints
{
    private const string TrackingCookie = "category";

    public static void Map(WebApplication app, TargetState state)
    {
        MapErrorBased(app, "mysql", SqlDialect.MySql, "name", numeric: false);
        MapErrorBased(app, "postgres", SqlDialect.PostgreSql, "id", numeric: true);
        MapErrorBased(app, "sqlite", SqlDialect.Sqlite, "name", numeric: false);
        MapErrorBased(app, "mssql", SqlDialect.SqlServer, "name", numeric: false);
        MapErrorBased(app, "oracle", SqlDialect.Oracle, "id", numeric: true);

        app.MapPostTwin("/sqli/form", static safe => async context =>
        {
            var form = await Bodies.ReadFormAsync(context).ConfigureAwait(false);
            await ErrorOrResultsAsync(context, safe, SqlDialect.MySql, Or(form["name"].ToString(), "widget"), numeric: false).ConfigureAwait(false);
        });

        app.MapPostTwin("/sqli/json", static safe => async context =>
        {
            var name = await ReadJsonStringAsync(context, "name").ConfigureAwait(false);
            if (name is null)
            {
                await Html.WriteTextAsync(context, "Expected a JSON object with a \"name\" property.", StatusCodes.Status400BadRequest).ConfigureAwait(false);
                return;
            }

            await ErrorOrResultsAsync(context, safe, SqlDialect.PostgreSql, Or(name, "widget"), numeric: false).ConfigureAwait(false);
        });

        app.MapPostTwin("/sqli/xml", static safe => async context =>
        {
            var name = await ReadXmlElementAsync(context, "name").ConfigureAwait(false);
            if (name is null)
            {
                await Html.WriteTextAsync(context, "Expected an XML document with a <name> element.", StatusCodes.Status400BadRequest).ConfigureAwait(false);
                return;
            }

            await ErrorOrResultsAsync(context, safe, SqlDialect.SqlServer, Or(name, "widget"), numeric: false).ConfigureAwait(false);
        });

        app.MapGetTwin("/sqli/path/{id}", static safe => context =>
            ErrorOrResultsAsync(context, safe, SqlDialect.Sqlite, context.Request.RouteValues["id"] as string ?? "1", numeric: true));

        app.MapGetTwin("/sqli/header", static safe => context =>
            ErrorOrResultsAsync(context, safe, SqlDialect.MySql, context.Request.Headers.UserAgent.ToString(), numeric: false,
                column: "agent", table: "visits"));

        app.MapGetTwin("/sqli/cookie", static safe => context =>
        {
            var category = context.Request.Cookies[TrackingCookie];
            if (category is null)
            {
                category = "tools";
                context.Response.Headers.Append("Set-Cookie",
                    $"{TrackingCookie}={category}; Path={context.Request.Path.Value}; HttpOnly; SameSite=Lax");
            }

            return ErrorOrResultsAsync(context, safe, SqlDialect.Oracle, category, numeric: false, column: "category");
        });

        MapBoolean(app, "/sqli/boolean", "id", numeric: true, filterSpaces: false);
        MapBoolean(app, "/sqli/boolean-string", "name", numeric: false, filterSpaces: false);
        MapBoolean(app, "/sqli/boolean-filtered", "id", numeric: true, filterSpaces: true);

        app.MapGetTwin("/sqli/time", safe => async context =>
        {
            var id = Or(context.Request.Query["id"].ToString(), "1");
            if (!safe)
            {
                await state.InjectedDelayAsync(DelayPayloads.SqlSeconds(id), context.RequestAborted).ConfigureAwait(false);
            }

            await Html.WritePageAsync(context, "Thank you", "<p>Your rating was recorded.</p>").ConfigureAwait(false);
        });
    }

    private static void MapErrorBased(WebApplication app, string name, SqlDialect dialect, string parameter, bool numeric)
    {
        var example = numeric ? "1" : "widget";
        app.MapGetTwin("/sqli/error/" + name, safe => context =>
            ErrorOrResultsAsync(context, safe, dialect, Or(context.Request.Query[parameter].ToString(), example), numeric));
    }

    private static void MapBoolean(WebApplication app, string pattern, string parameter, bool numeric, bool filterSpaces)
    {
        var example = numeric ? "1" : "widget";
        app.MapGetTwin(pattern, safe => context =>
        {
            var value = Or(context.Request.Query[parameter].ToString(), example);
            IReadOnlyList<FakeProduct> rows;
            if (safe)
            {
                rows = [.. FakeProduct.All.Where(p => numeric ? p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == value : p.Name == value)];
            }
            else
            {
                var input = filterSpaces ? value.Replace(" ", string.Empty, StringComparison.Ordinal) : value;
                var clause = numeric ? $"id = {input}" : $"name = '{input}'";

                // Blind: a broken query looks exactly like an empty result.
                rows = FakeSqlEvaluator.Select(clause) ?? [];
            }

            return ProductsAsync(context, rows);
        });
    }

    private static Task ErrorOrResultsAsync(HttpContext context, bool safe, SqlDialect dialect, string value, bool numeric,
        string column = "name", string table = "products")
    {
        var error = safe ? null : FakeSql.FindError(dialect, value, numeric, numeric ? "id" : column, table);
        if (error is not null)
        {
            return Html.WritePageAsync(context, "Database error", $"<p>The query failed.</p>\n<pre>{Html.Encode(error)}</pre>",
                StatusCodes.Status500InternalServerError);
        }

        // A fixed page whatever the input: only the error gives the injection away.
        return ProductsAsync(context, FakeProduct.All);
    }

    private static Task ProductsAsync(HttpContext context, IReadOnlyList<FakeProduct> rows)
    {
        if (rows.Count == 0)
        {
            return Html.WritePageAsync(context, "Products", "<p>No products found.</p>");
        }

        var body = new StringBuilder("<table>\n<tr><th>Id</th><th>Name</th><th>Price</th></tr>\n");
        foreach (var row in rows)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<tr><td>{row.Id}</td><td>{row.Name}</td><td>{row.Price}</td></tr>\n");
        }

        return Html.WritePageAsync(context, "Products", body.Append("</table>").ToString());
    }

    private static string Or(string value, string fallback) => value.Length == 0 ? fallback : value;

    private static async Task<string?> ReadJsonStringAsync(HttpContext context, string property)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value))
            {
                return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    internal static async Task<string?> ReadXmlElementAsync(HttpContext context, string element)
    {
        var text = await Bodies.ReadTextAsync(context).ConfigureAwait(false);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == element)
                {
                    return reader.ReadElementContentAsString();
                }
            }
        }
        catch (XmlException)
        {
        }

        return null;
    }
}
