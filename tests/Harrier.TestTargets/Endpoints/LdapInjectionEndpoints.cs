using Harrier.TestTargets.Infrastructure;
using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// LDAP injection, simulated (<see cref="FakeLdap"/>): the vulnerable people search (a POST form) concatenates the user
/// id into a search filter, so a parenthesis or backslash breaks it and the Java back end shows JNDI's
/// <c>InvalidSearchFilterException</c> message (no stack frames). Every valid filter shows the same fixed result, and the
/// input is never echoed unencoded. The twin escapes the value as RFC 4515 says.
/// </summary>
internal static class LdapInjectionEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPostTwin("/ldap/people", static safe => async context =>
        {
            var form = await Bodies.ReadFormAsync(context).ConfigureAwait(false);
            var user = form["user"].ToString();
            var filter = $"(&(objectClass=person)(uid={(safe ? FakeLdap.EscapeValue(user) : user)}))";
            if (FakeLdap.FilterError(filter) is { } error)
            {
                await Html.WritePageAsync(context, "Directory error",
                    $"<pre>javax.naming.directory.InvalidSearchFilterException: {Html.Encode(error)}; remaining name 'ou=people,dc=example,dc=com'</pre>",
                    StatusCodes.Status500InternalServerError).ConfigureAwait(false);
                return;
            }

            await Html.WritePageAsync(context, "People search", "<p>Directory search done: contact the help desk for details.</p>").ConfigureAwait(false);
        });
    }
}
