using System.Security.Claims;
using Harrier.Storage;
using Harrier.Storage.Users;
using Harrier.Storage.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Web.Authentication;

/// <summary>
/// The browser session: an encrypted, HttpOnly, SameSite=Strict cookie (Secure on HTTPS) issued after a user id and
/// API token are checked. It carries the same claims the API's Basic handler builds, so in-process API calls see the
/// same caller, plus a stamp of the token hash: rotating the token ends every other session.
/// </summary>
internal static class WebSession
{
    public const string Scheme = "Harrier.Web";
    public const string Policy = "Harrier.Web";
    public const string CookieName = "harrier.session";

    // The claim types Harrier.Server's Caller reads (Caller.DateFormatClaim etc.).
    public const string DateFormatClaim = "harrier:date-format";
    public const string TimeFormatClaim = "harrier:time-format";
    public const string TimeZoneClaim = "harrier:time-zone";
    public const string TokenStampClaim = "harrier:token-stamp";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = "/signin";
        options.LogoutPath = "/signout";
        options.AccessDeniedPath = "/signin";
        options.ReturnUrlParameter = "returnUrl";
        options.Events.OnValidatePrincipal = ValidateAsync;
        options.Events.OnRedirectToLogin = context =>
        {
            // Scripts polling for live updates get a plain 401 instead of a sign-in page.
            if (context.Request.Headers.ContainsKey(Security.LiveHeader))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            else
            {
                context.Response.Redirect(context.RedirectUri);
            }

            return Task.CompletedTask;
        };
    }

    public static ClaimsPrincipal PrincipalFor(UserEntity user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(DateFormatClaim, user.DateFormat),
            new Claim(TimeFormatClaim, user.TimeFormat),
            new Claim(TimeZoneClaim, user.TimeZoneId),
            new Claim(TokenStampClaim, Stamp(user.TokenHash)),
        ], Scheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The user whose id and token these are, or null. The token is compared by hash, in constant time.</summary>
    public static async Task<UserEntity?> FindUserAsync(HarrierDbContext db, string? userId, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Guid.TryParse(userId?.Trim(), out var id) || string.IsNullOrWhiteSpace(token) || token.Length > 512)
        {
            return null;
        }

        var hash = ApiTokens.Hash(token.Trim());
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
        return user is not null && ApiTokens.HashesEqual(user.TokenHash, hash) ? user : null;
    }

    public static Guid UserId(ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));

    private static string Stamp(string tokenHash) => tokenHash.Length >= 16 ? tokenHash[..16] : tokenHash;

    /// <summary>Every request: the user must still exist and still hold the token the session was opened with.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            context.RejectPrincipal();
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<HarrierDbContext>();
        var hash = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.TokenHash)
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (hash is null || !string.Equals(Stamp(hash), principal.FindFirstValue(TokenStampClaim), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme).ConfigureAwait(false);
        }
    }
}
