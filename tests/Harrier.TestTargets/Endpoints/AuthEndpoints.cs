using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// The login area: a form login that sets a session cookie, pages that redirect to the login form without a
/// valid session, a logout link that ends the session, and an XSS hole (with its twin) only reachable when signed in.
/// </summary>
internal static class AuthEndpoints
{
    public const string SessionCookie = "HARRIER_SESSION";
    public const string LoginPath = "/auth/login";

    public static void Map(WebApplication app, TargetState state)
    {
        app.MapGet(LoginPath, static context =>
            LoginPageAsync(context, LocalOrDefault(context.Request.Query["returnUrl"].ToString()), error: null));

        app.MapPost(LoginPath, async context =>
        {
            var form = await Bodies.ReadFormAsync(context).ConfigureAwait(false);
            var returnUrl = LocalOrDefault(form["returnUrl"].ToString());
            if (!string.Equals(form["username"].ToString(), state.Options.UserName, StringComparison.Ordinal)
                || !string.Equals(form["password"].ToString(), state.Options.Password, StringComparison.Ordinal))
            {
                await LoginPageAsync(context, returnUrl, "Invalid user name or password.").ConfigureAwait(false);
                return;
            }

            var token = state.Sessions.Create(state.Options.UserName);
            context.Response.Headers.Append("Set-Cookie", $"{SessionCookie}={token}; Path=/; HttpOnly; SameSite=Lax");
            await Html.RedirectAsync(context, returnUrl).ConfigureAwait(false);
        });

        app.MapGet("/auth/logout", context =>
        {
            state.Sessions.Remove(context.Request.Cookies[SessionCookie]);
            context.Response.Headers.Append("Set-Cookie", $"{SessionCookie}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
            return Html.RedirectAsync(context, LoginPath);
        });

        app.MapGet("/auth/account", context => WithSession(context, state, user =>
            Html.WritePageAsync(context, "Your account",
                $"<p>Signed in as <b>{Html.Encode(user)}</b>.</p>\n<ul>\n" +
                "<li><a href=\"/auth/settings\">Settings</a></li>\n" +
                "<li><a href=\"/auth/orders?page=1\">Orders</a></li>\n" +
                "<li><a href=\"/vuln/auth/search?q=harrier\">Search your orders</a> (<a href=\"/safe/auth/search?q=harrier\">safe twin</a>)</li>\n" +
                "<li><a href=\"/auth/logout\">Sign out</a></li>\n</ul>")));

        app.MapGet("/auth/settings", context => WithSession(context, state, user =>
            Html.WritePageAsync(context, "Settings",
                $"<p>Settings of {Html.Encode(user)}.</p><p><a href=\"/auth/account\">Account</a> <a href=\"/auth/logout\">Sign out</a></p>")));

        app.MapGet("/auth/orders", context => WithSession(context, state, _ =>
            Html.WritePageAsync(context, "Orders",
                $"<p>Orders, page {Html.Encode(context.Request.Query["page"].ToString())}: none yet.</p>" +
                "<p><a href=\"/auth/account\">Account</a> <a href=\"/auth/logout\">Sign out</a></p>")));

        app.MapGetTwin("/auth/search", safe => context => WithSession(context, state, _ =>
        {
            var q = context.Request.Query["q"].ToString();
            return Html.WritePageAsync(context, "Search your orders",
                $"<p>No orders match {(safe ? Html.Encode(q) : q)}.</p><p><a href=\"/auth/account\">Account</a> <a href=\"/auth/logout\">Sign out</a></p>");
        }));
    }

    /// <summary>Runs <paramref name="page"/> for a signed-in user, otherwise redirects to the login form.</summary>
    private static Task WithSession(HttpContext context, TargetState state, Func<string, Task> page)
    {
        var user = state.Sessions.Find(context.Request.Cookies[SessionCookie]);
        return user is null
            ? Html.RedirectAsync(context, $"{LoginPath}?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}")
            : page(user);
    }

    private static Task LoginPageAsync(HttpContext context, string returnUrl, string? error) =>
        Html.WritePageAsync(context, "Sign in",
            (error is null ? string.Empty : $"<p class=\"error\">{Html.Encode(error)}</p>\n") +
            "<form method=\"post\" action=\"/auth/login\">\n" +
            "<label>User name <input type=\"text\" name=\"username\" autocomplete=\"username\"></label>\n" +
            "<label>Password <input type=\"password\" name=\"password\" autocomplete=\"off\"></label>\n" +
            $"<input type=\"hidden\" name=\"returnUrl\" value=\"{Html.Encode(returnUrl)}\">\n" +
            Forms.CsrfField + "\n<button type=\"submit\">Sign in</button>\n</form>");

    /// <summary>Only local paths: the login form is not an open redirect.</summary>
    private static string LocalOrDefault(string returnUrl) =>
        returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/auth/account";
}
