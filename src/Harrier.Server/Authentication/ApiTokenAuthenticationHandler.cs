using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Harrier.Server.Http;
using Harrier.Storage;
using Harrier.Storage.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Harrier.Server.Authentication;

/// <summary>
/// HTTP Basic with <c>userId:apiToken</c> (contract §1.2). The Java CI plugins send an empty user name
/// (<c>:apiToken</c>), so the token alone identifies its user; a given user id must match the token's owner.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    HarrierDbContext db,
    AuthenticatedUsers recentUsers,
    FailedAuthenticationLimiter limiter)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";
    public const string DeniedMessage = "Authorization has been denied for this request.";
    private const string ThrottledKey = "harrier:auth-retry-after";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var client = Context.Connection.RemoteIpAddress;
        if (limiter.IsBlocked(client, out var retryAfter))
        {
            Context.Items[ThrottledKey] = retryAfter;
            return AuthenticateResult.Fail("Too many failed attempts.");
        }

        var result = await AuthenticateAsync(header).ConfigureAwait(false);
        if (result.Failure is not null)
        {
            limiter.RecordFailure(client);
        }

        return result;
    }

    private async Task<AuthenticateResult> AuthenticateAsync(string header)
    {
        if (!TryDecode(header["Basic ".Length..].Trim(), out var userPart, out var token) || token.Length == 0)
        {
            return AuthenticateResult.Fail("Malformed credentials.");
        }

        var hash = ApiTokens.Hash(token);
        if (!recentUsers.TryGet(hash, out var user))
        {
            user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.TokenHash == hash, Context.RequestAborted).ConfigureAwait(false);
            if (user is null || !ApiTokens.HashesEqual(user.TokenHash, hash))
            {
                return AuthenticateResult.Fail("Unknown token.");
            }

            recentUsers.Remember(hash, user);
        }

        if (userPart.Length > 0 && !(Guid.TryParse(userPart, out var claimedId) && claimedId == user.Id))
        {
            return AuthenticateResult.Fail("The user id does not own the token.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(Caller.DateFormatClaim, user.DateFormat),
            new Claim(Caller.TimeFormatClaim, user.TimeFormat),
            new Claim(Caller.TimeZoneClaim, user.TimeZoneId),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[ThrottledKey] is TimeSpan retryAfter)
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            return ApiErrorMiddleware.WriteAsync(Context, StatusCodes.Status429TooManyRequests,
                new ApiError($"Too many failed authentication attempts from this address. Retry after {seconds} seconds."),
                [KeyValuePair.Create(HeaderNames.RetryAfter, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        return ApiErrorMiddleware.WriteAsync(Context, StatusCodes.Status401Unauthorized, new ApiError(DeniedMessage),
            [KeyValuePair.Create(HeaderNames.WWWAuthenticate, "Basic realm=\"Harrier\"")]);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrorMiddleware.WriteAsync(Context, StatusCodes.Status403Forbidden, new ApiError(DeniedMessage));

    private static bool TryDecode(string encoded, out string userPart, out string token)
    {
        userPart = token = "";
        Span<byte> buffer = stackalloc byte[512];
        if (encoded.Length > 680 || !Convert.TryFromBase64String(encoded, buffer, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer[..written]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        userPart = text[..colon].Trim();
        token = text[(colon + 1)..].Trim();
        return true;
    }
}
