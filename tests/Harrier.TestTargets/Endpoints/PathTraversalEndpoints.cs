using Harrier.TestTargets.Infrastructure;
using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Endpoints;

/// <summary>
/// Path traversal / local file inclusion over the canned <see cref="CannedFiles"/> (no real file is read).
/// The vulnerable page decodes a second time, stops at a null byte and resolves <c>..</c>; the filtered page strips
/// <c>../</c> once, non-recursively. Twins serve only the public file names.
/// </summary>
internal static class PathTraversalEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGetTwin("/files/view", static safe => context =>
            ViewAsync(context, safe, context.Request.Query["file"].ToString()));

        app.MapGetTwin("/files/filtered", static safe => context =>
            ViewAsync(context, safe, context.Request.Query["file"].ToString().Replace("../", string.Empty, StringComparison.Ordinal)
                .Replace("..\\", string.Empty, StringComparison.Ordinal)));
    }

    private static Task ViewAsync(HttpContext context, bool safe, string file)
    {
        if (file.Length == 0)
        {
            file = "report.txt";
        }

        string? content;
        if (safe)
        {
            content = CannedFiles.PublicNames.Contains(file, StringComparer.Ordinal) ? CannedFiles.Read(CannedFiles.WebRoot + file) : null;
        }
        else
        {
            var decoded = file.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(file) : file;
            var nul = decoded.IndexOf('\0', StringComparison.Ordinal);
            content = CannedFiles.Read(CannedFiles.Resolve(nul >= 0 ? decoded[..nul] : decoded));
        }

        return content is null
            ? Html.WritePageAsync(context, "File viewer", $"<p>File not found: {Html.Encode(file)}</p>", StatusCodes.Status404NotFound)
            : Html.WritePageAsync(context, "File viewer", $"<pre>{Html.Encode(content)}</pre>");
    }
}
