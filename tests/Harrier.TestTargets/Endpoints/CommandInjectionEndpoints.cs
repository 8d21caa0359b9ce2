using System.Text.RegularExpressions;
using Harrier.TestTargets.Infrastructure;
using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// OS command injection, simulated by <see cref="FakeShell"/> (nothing is executed). The output-based page shows
/// the injected command's canned output and never delays; the blind page never shows output and only delays.
/// Twins accept a host name or IP address and nothing else.
/// </summary>
internal static partial class CommandInjectionEndpoints
{
    public static void Map(WebApplication app, TargetState state)
    {
        app.MapGetTwin("/cmdi/ping", static safe => context =>
            PingAsync(context, safe, context.Request.Query["host"].ToString()));

        // The "filter" strips ; and & but forgets |, newlines and backticks.
        app.MapGetTwin("/cmdi/filtered", static safe => context =>
            PingAsync(context, safe, context.Request.Query["host"].ToString().Replace(";", string.Empty, StringComparison.Ordinal)
                .Replace("&", string.Empty, StringComparison.Ordinal)));

        app.MapGetTwin("/cmdi/blind", safe => async context =>
        {
            var host = context.Request.Query["host"].ToString();
            if (!safe)
            {
                await state.InjectedDelayAsync(FakeShell.DelaySeconds(host), context.RequestAborted).ConfigureAwait(false);
            }

            await Html.WritePageAsync(context, "Lookup queued", "<p>The DNS lookup was queued; results are e-mailed.</p>").ConfigureAwait(false);
        });
    }

    private static Task PingAsync(HttpContext context, bool safe, string host)
    {
        if (host.Length == 0)
        {
            host = "127.0.0.1";
        }

        if (safe && !HostName().IsMatch(host))
        {
            return Html.WritePageAsync(context, "Ping", "<p>Invalid host name.</p>");
        }

        var output = safe ? FakeShell.Ping(host.Split(' ')[0]) : FakeShell.Ping(host);
        return Html.WritePageAsync(context, "Ping",
            "<form method=\"get\"><input type=\"text\" name=\"host\"><button>Ping</button></form>\n" +
            $"<pre>{Html.Encode(output)}</pre>");
    }

    [GeneratedRegex(@"^[A-Za-z0-9.\-:]{1,253}$")]
    private static partial Regex HostName();
}
