using Harrier.Storage;
using Harrier.Storage.Users;
using Harrier.Web.Authentication;
using Harrier.Web.Html;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Web.Pages;

/// <summary>
/// <c>/settings/api</c>: the user id for API clients, and rotating the API token. Only the new token's hash is stored;
/// the token is shown once, in the response to the rotation. Rotation ends the user's other browser sessions.
/// </summary>
internal static class ApiSettingsPage
{
    public static void Map(RouteGroupBuilder ui)
    {
        ui.MapGet("/settings/api", Show);
        ui.MapPost("/settings/api/rotate", Rotate);
    }

    public static async Task<IResult> Show(HttpContext http, HarrierDbContext db, CancellationToken cancellationToken) =>
        await RenderAsync(http, db, newToken: null, cancellationToken).ConfigureAwait(false);

    public static async Task<IResult> Rotate(HttpContext http, HarrierDbContext db, CancellationToken cancellationToken)
    {
        var userId = WebSession.UserId(http.User);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return Layout.NotFound(http, "Your user");
        }

        var token = ApiTokens.Generate();
        var replaced = user.TokenHash;
        user.TokenHash = ApiTokens.Hash(token);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        http.RequestServices.GetService<AuthenticatedUsers>()?.Forget(replaced);

        // This session continues with the new token's stamp; every other session is now rejected.
        var principal = WebSession.PrincipalFor(user);
        await http.SignInAsync(WebSession.Scheme, principal).ConfigureAwait(false);
        http.User = principal;
        return await RenderAsync(http, db, token, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, HarrierDbContext db, string? newToken, CancellationToken cancellationToken)
    {
        var userId = WebSession.UserId(http.User);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, cancellationToken).ConfigureAwait(false);
        var body = Markup.Of($"""
            <h1>API settings</h1>
            <section class="card">
              <dl class="facts">
                <div class="wide"><dt>User ID</dt><dd><code id="user-id">{user.Id}</code></dd></div>
                <div><dt>Name</dt><dd>{user.Name}</dd></div>
                <div><dt>E-mail</dt><dd>{user.Email}</dd></div>
              </dl>
              <p class="hint">API clients authenticate with HTTP Basic: the user ID as user name and the API token as password, e.g. <code>curl -u USER_ID:TOKEN …/api/1.0/scans/list</code>.</p>
            </section>
            {(newToken is null ? Markup.Empty : Markup.Of($"""
              <section class="card" aria-labelledby="new-token-h">
                <h2 id="new-token-h">Your new API token</h2>
                <p class="notice ok" role="status">Copy it now: Harrier stores only its hash and cannot show it again. The old token no longer works.</p>
                <p class="token"><code id="new-token">{newToken}</code></p>
              </section>
              """))}
            <form method="post" action="/settings/api/rotate" class="card" data-confirm="Rotate the API token? Scripts and CI plugins using the current token stop working.">
              {Layout.CsrfField(http)}
              <h2>Rotate the API token</h2>
              <p>Makes a new token and invalidates the current one at once, for the API and for your other signed-in browsers.</p>
              <button type="submit" class="danger" id="rotate">Rotate token</button>
            </form>
            """);
        http.Response.Headers.CacheControl = "no-store";
        return Layout.Page(http, "API settings", "settings", body);
    }
}
