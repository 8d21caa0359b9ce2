using Harrier.TestTargets.Infrastructure;
using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Server-side request forgery: the vulnerable page fetches any URL it is given and shows the body, through
/// <see cref="LoopbackFetcher"/> (loopback only: other hosts "refuse the connection" and are never contacted),
/// so a scanner confirms it with its out-of-band listener. The twin fetches nothing.
/// </summary>
internal static class SsrfEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGetTwin("/ssrf/fetch", static safe => async context =>
        {
            var url = context.Request.Query["url"].ToString();
            string content;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                content = "Not an absolute URL.";
            }
            else if (safe)
            {
                content = "Only the partner feed may be fetched.";
            }
            else
            {
                content = await LoopbackFetcher.FetchAsync(uri, context.RequestAborted).ConfigureAwait(false);
            }

            await Html.WritePageAsync(context, "Preview", $"<pre>{Html.Encode(content)}</pre>").ConfigureAwait(false);
        });
    }
}
