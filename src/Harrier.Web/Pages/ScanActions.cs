using Harrier.Contracts.Models;
using Harrier.Core.Scans;
using Harrier.Storage;

namespace Harrier.Web.Pages;

/// <summary>
/// The buttons of the scan page. Each goes through the very API handler a client would call (in process, as the
/// signed-in user): Scan again is <c>scans/newfromscan</c>, and so on.
/// </summary>
internal static class ScanActions
{
    public static void Map(RouteGroupBuilder ui)
    {
        ui.MapGet("/scans/{id:guid}", ScanPage.Show);
        ui.MapGet("/scans/{id:guid}/live", ScanPage.Live);
        ui.MapPost("/scans/{id:guid}/again", Again);
        ui.MapPost("/scans/{id:guid}/pause", (Guid id, HttpContext http, InProcessApi api, CancellationToken ct) => ControlAsync(id, "pause", "paused", http, api, ct));
        ui.MapPost("/scans/{id:guid}/resume", (Guid id, HttpContext http, InProcessApi api, CancellationToken ct) => ControlAsync(id, "resume", "resumed", http, api, ct));
        ui.MapPost("/scans/{id:guid}/cancel", (Guid id, HttpContext http, InProcessApi api, CancellationToken ct) => ControlAsync(id, "cancel", "cancelled", http, api, ct));
        ui.MapPost("/scans/{id:guid}/delete", Delete);
        ui.MapGet("/scans/{id:guid}/report", Report);
        ui.MapPost("/scans/{id:guid}/issues/{issueId:guid}", SetIssueState);
    }

    /// <summary>Scan again: <c>POST /api/1.0/scans/newfromscan</c>, then the new scan's page.</summary>
    public static async Task<IResult> Again(Guid id, HttpContext http, HarrierDbContext db, InProcessApi api, CancellationToken cancellationToken)
    {
        if (await ScanPage.FindAsync(http, db, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return Layout.NotFound(http, "This scan");
        }

        var response = await api.PostJsonAsync(http, "/api/1.0/scans/newfromscan", id.ToString(), cancellationToken).ConfigureAwait(false);
        return response.IsSuccess
            ? Layout.SeeOther($"/scans/{response.Read<ScanTaskModel>().Id}?notice=relaunched")
            : Layout.Problem(http, StatusCodes.Status400BadRequest, "Could not relaunch the scan", response.ErrorMessage());
    }

    public static async Task<IResult> Delete(Guid id, HttpContext http, InProcessApi api, CancellationToken cancellationToken)
    {
        var response = await api.PostJsonAsync(http, "/api/1.0/scans/delete", new[] { id }, cancellationToken).ConfigureAwait(false);
        var result = response.IsSuccess ? response.Read<string>() : nameof(DeleteScanResult.SomeOfScansNotFound);
        return result == nameof(DeleteScanResult.Ok)
            ? Layout.SeeOther("/scans?notice=deleted")
            : result == nameof(DeleteScanResult.SomeOfScansNotFound)
                ? Layout.NotFound(http, "This scan")
                : Layout.SeeOther($"/scans/{id}?result={result}");
    }

    /// <summary>
    /// Reports through <c>GET /api/1.0/scans/report/</c> with the UI session (the API itself accepts only Basic
    /// credentials). HTML reports render in a sandboxed, script-free origin; every other format downloads.
    /// </summary>
    public static async Task<IResult> Report(Guid id, HttpContext http, InProcessApi api, string? type, string? format, CancellationToken cancellationToken)
    {
        var query = QueryString.Create([
            KeyValuePair.Create("id", (string?)id.ToString()),
            KeyValuePair.Create("type", type),
            KeyValuePair.Create("format", format),
        ]);
        var response = await api.GetAsync(http, "/api/1.0/scans/report", query, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return response.StatusCode == StatusCodes.Status404NotFound
                ? Layout.NotFound(http, "This scan")
                : Layout.Problem(http, response.StatusCode, "No report", response.ErrorMessage());
        }

        var isHtml = response.ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
        Security.ApplyHeaders(http.Response, isHtml ? Security.ReportContentSecurityPolicy : Security.ContentSecurityPolicy);
        if (!isHtml)
        {
            http.Response.Headers.ContentDisposition = response.ContentDisposition.Count > 0
                ? response.ContentDisposition
                : $"attachment; filename=\"harrier-{id:N}\"";
        }

        return Results.Bytes(response.Body, response.ContentType);
    }

    /// <summary>A finding's issue state and note: <c>POST /api/1.0/issues/update</c>, then back to the finding.</summary>
    public static async Task<IResult> SetIssueState(Guid id, Guid issueId, HttpContext http, InProcessApi api, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var note = form["note"].ToString();
        var update = new IssueApiUpdateModel { IssueId = issueId, State = form["state"].ToString(), Note = note.Length == 0 ? null : note };
        var response = await api.PostJsonAsync(http, "/api/1.0/issues/update", update, cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? Layout.SeeOther($"/scans/{id}?notice=issue-updated")
            : response.StatusCode == StatusCodes.Status404NotFound ? Layout.NotFound(http, "This issue")
            : Layout.Problem(http, StatusCodes.Status400BadRequest, "Could not change the issue", response.ErrorMessage());
    }

    private static async Task<IResult> ControlAsync(Guid id, string action, string notice, HttpContext http, InProcessApi api, CancellationToken cancellationToken)
    {
        var response = await api.PostJsonAsync(http, "/api/1.0/scans/" + action, id.ToString(), cancellationToken).ConfigureAwait(false);
        var result = response.IsSuccess ? response.Read<string>() : nameof(ScanControlResult.ScanNotFound);
        return result == nameof(ScanControlResult.Ok) ? Layout.SeeOther($"/scans/{id}?notice={notice}")
            : result == nameof(ScanControlResult.ScanNotFound) ? Layout.NotFound(http, "This scan")
            : Layout.SeeOther($"/scans/{id}?result={Uri.EscapeDataString(result)}");
    }
}
