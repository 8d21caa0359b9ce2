using Harrier.Storage;
using Harrier.Web.Authentication;
using Harrier.Web.Html;
using Microsoft.AspNetCore.Authentication;

namespace Harrier.Web.Pages;

/// <summary><c>/signin</c> (user id + API token → session cookie) and <c>/signout</c>.</summary>
internal static class SignInPages
{
    /// <summary>Sign-out needs the session (its CSRF token is bound to the signed-in user), so it is mapped in the UI group.</summary>
    public static void MapSignOut(RouteGroupBuilder ui) => ui.MapPost("/signout", (Delegate)SignOut);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", Show).AllowAnonymous();
        app.MapPost("/signin", SignIn).AllowAnonymous().AddEndpointFilter(Security.RequireSameOriginAndToken);
    }

    public static IResult Show(HttpContext http, string? returnUrl, string? notice) => Form(http, returnUrl, userId: "", error: null, notice);

    public static async Task<IResult> SignIn(HttpContext http, HarrierDbContext db, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var userId = form["userId"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var user = await WebSession.FindUserAsync(db, userId, form["token"].ToString(), cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return Form(http, returnUrl, userId, "The user ID or the API token is not right.", null, StatusCodes.Status400BadRequest);
        }

        await http.SignInAsync(WebSession.Scheme, WebSession.PrincipalFor(user)).ConfigureAwait(false);
        return Layout.SeeOther(IsLocal(returnUrl) ? returnUrl : "/scans");
    }

    public static async Task<IResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(WebSession.Scheme).ConfigureAwait(false);
        return Layout.SeeOther("/signin?notice=signedout");
    }

    /// <summary>Only paths on this site: no scheme, no <c>//host</c>, no backslash tricks.</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains('\\', StringComparison.Ordinal) && !url.Any(char.IsControl);

    private static IResult Form(HttpContext http, string? returnUrl, string userId, string? error, string? notice, int status = StatusCodes.Status200OK)
    {
        var body = Markup.Of($"""
            <section class="signin card">
              <h1>Sign in to Harrier</h1>
              {Ui.Notice(notice)}
              {Markup.When(error is not null, Markup.Of($"<p class=\"notice error\" role=\"alert\" id=\"signin-error\">{error}</p>"))}
              <form method="post" action="/signin" class="stack">
                {Layout.CsrfField(http)}
                <input type="hidden" name="returnUrl" value="{(IsLocal(returnUrl) ? returnUrl : "")}">
                <label for="userId">User ID</label>
                <input id="userId" name="userId" required autocomplete="username" spellcheck="false" value="{userId}"{(error is null ? Markup.Empty : Markup.Trusted(" aria-describedby=\"signin-error\" aria-invalid=\"true\""))}>
                <label for="token">API token</label>
                <input id="token" name="token" type="password" required autocomplete="current-password">
                <button type="submit" class="primary">Sign in</button>
              </form>
              <p class="hint">Your user ID and API token were printed when Harrier first started (also in <code>initial-credentials.txt</code> in the data directory), or come from <code>harrier users create</code>.</p>
            </section>
            """);
        return Layout.Page(http, "Sign in", "", body, status);
    }
}
