using System.Security.Cryptography;
using Harrier.TestTargets.Infrastructure;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Cookie flags: the vulnerable page sets a session cookie without <c>HttpOnly</c> and without <c>SameSite</c>; the
/// twin sets the same cookie with both. (<c>Secure</c> only matters over HTTPS; this target is plain HTTP.) Every
/// other cookie the site sets carries both flags.
/// </summary>
internal static class CookieEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGetTwin("/cookies/session", static safe => context =>
        {
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            context.Response.Headers.Append("Set-Cookie", safe
                ? $"sessionid={token}; Path={context.Request.Path.Value}; HttpOnly; SameSite=Lax"
                : $"sessionid={token}; Path={context.Request.Path.Value}");
            return Html.WritePageAsync(context, "Welcome back", "<p>Your visit was recorded.</p>");
        });
    }
}
