using System.Text;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Forms for the crawler (every input type, a GET search form, a multipart upload) and the CSRF hole:
/// a state-changing form without an anti-forgery token, whose twin carries and checks one.
/// </summary>
internal static class FormEndpoints
{
    public static void Map(WebApplication app)
    {
        var index = Html.PageBytes("Forms",
            "<ul>\n<li><a href=\"/forms/all\">Every input type</a></li>\n<li><a href=\"/forms/search\">A GET search form</a></li>\n" +
            "<li><a href=\"/forms/upload\">A file upload</a></li>\n</ul>");
        app.MapGet("/forms/", context => Html.WriteBytesAsync(context, index));

        var all = Html.PageBytes("Every input type", AllInputsForm());
        app.MapGet("/forms/all", context => Html.WriteBytesAsync(context, all));

        var search = Html.PageBytes("Search",
            "<form method=\"get\" action=\"/forms/results\">\n<input type=\"search\" name=\"q\" value=\"harrier\">\n" +
            "<select name=\"sort\"><option value=\"name\">Name</option><option value=\"price\" selected>Price</option></select>\n" +
            "<button type=\"submit\">Search</button>\n</form>");
        app.MapGet("/forms/search", context => Html.WriteBytesAsync(context, search));
        app.MapGet("/forms/results", static context =>
            Html.WritePageAsync(context, "Results",
                $"<p>No results for {Html.Encode(context.Request.Query["q"].ToString())} sorted by {Html.Encode(context.Request.Query["sort"].ToString())}.</p>"));

        var upload = Html.PageBytes("Upload",
            "<form method=\"post\" action=\"/forms/submit\" enctype=\"multipart/form-data\">\n<input type=\"file\" name=\"attachment\">\n" +
            "<input type=\"text\" name=\"title\" value=\"report\">\n" + Forms.CsrfField + "\n<button type=\"submit\">Upload</button>\n</form>");
        app.MapGet("/forms/upload", context => Html.WriteBytesAsync(context, upload));

        app.MapPost("/forms/submit", static async context =>
        {
            var form = await Bodies.ReadFormAsync(context).ConfigureAwait(false);
            var body = new StringBuilder("<p>Received:</p>\n<ul>\n");
            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                body.Append("<li>").Append(Html.Encode(field.Key)).Append(" = ").Append(Html.Encode(field.Value.ToString())).Append("</li>\n");
            }

            foreach (var file in form.Files)
            {
                body.Append("<li>file ").Append(Html.Encode(file.Name)).Append(": ").Append(file.Length).Append(" bytes</li>\n");
            }

            await Html.WritePageAsync(context, "Thank you", body.Append("</ul>").ToString()).ConfigureAwait(false);
        });

        app.MapGetTwin("/csrf/profile", static safe => context =>
            Html.WritePageAsync(context, "Your profile",
                ProfileForm(context.Request.Path.Value!, safe ? Forms.CsrfField + "\n" : string.Empty)));

        app.MapPostTwin("/csrf/profile", static safe => async context =>
        {
            var form = await Bodies.ReadFormAsync(context).ConfigureAwait(false);
            if (safe && form["csrf_token"] != Forms.CsrfToken)
            {
                await Html.WriteTextAsync(context, "Invalid anti-forgery token.", StatusCodes.Status403Forbidden).ConfigureAwait(false);
                return;
            }

            await Html.WritePageAsync(context, "Your profile", $"<p>Saved {Html.Encode(form["displayName"].ToString())}.</p>").ConfigureAwait(false);
        });
    }

    private static string ProfileForm(string action, string csrf) =>
        $"<form method=\"post\" action=\"{Html.Encode(action)}\">\n<label>Display name <input type=\"text\" name=\"displayName\" value=\"Harrier\"></label>\n" +
        $"<label>E-mail <input type=\"email\" name=\"email\" value=\"harrier@example.com\"></label>\n{csrf}<button type=\"submit\">Save</button>\n</form>";

    private static string AllInputsForm() =>
        "<form method=\"post\" action=\"/forms/submit\">\n" +
        "<input type=\"text\" name=\"text\" value=\"hello\">\n" +
        "<input type=\"hidden\" name=\"hidden\" value=\"secret-default\">\n" +
        "<input type=\"password\" name=\"password\" autocomplete=\"off\">\n" +
        "<input type=\"email\" name=\"email\" value=\"a@example.com\">\n" +
        "<input type=\"number\" name=\"number\" value=\"42\">\n" +
        "<input type=\"url\" name=\"url\" value=\"https://example.com/\">\n" +
        "<input type=\"tel\" name=\"tel\" value=\"555-0100\">\n" +
        "<input type=\"date\" name=\"date\" value=\"2024-01-31\">\n" +
        "<input type=\"color\" name=\"color\" value=\"#336699\">\n" +
        "<input type=\"range\" name=\"range\" min=\"0\" max=\"10\" value=\"5\">\n" +
        "<input type=\"search\" name=\"search\">\n" +
        "<input type=\"checkbox\" name=\"agree\" value=\"yes\" checked>\n" +
        "<input type=\"checkbox\" name=\"newsletter\" value=\"weekly\">\n" +
        "<input type=\"radio\" name=\"size\" value=\"small\"><input type=\"radio\" name=\"size\" value=\"medium\" checked><input type=\"radio\" name=\"size\" value=\"large\">\n" +
        "<select name=\"country\"><option value=\"fr\">France</option><option value=\"nl\" selected>Netherlands</option><option value=\"us\">United States</option></select>\n" +
        "<select name=\"colour\"><option>red</option><option>green</option></select>\n" +
        "<select name=\"tags\" multiple><option value=\"a\" selected>A</option><option value=\"b\" selected>B</option><option value=\"c\">C</option></select>\n" +
        "<textarea name=\"message\">Hello there</textarea>\n" +
        "<input type=\"text\" name=\"disabled\" value=\"ignored\" disabled>\n" +
        Forms.CsrfField + "\n" +
        "<button type=\"submit\" name=\"action\" value=\"save\">Save</button>\n" +
        "<input type=\"submit\" name=\"action\" value=\"preview\">\n" +
        "<input type=\"image\" name=\"go\" src=\"/crawl/target/button.png\" alt=\"Go\">\n" +
        "</form>";
}
