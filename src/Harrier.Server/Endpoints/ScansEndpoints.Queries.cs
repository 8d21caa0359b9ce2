using System.Globalization;
using Harrier.Contracts;
using Harrier.Contracts.Models;
using Harrier.Core.Scans;
using Harrier.Server.Http;
using Harrier.Server.Scans;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

internal static partial class ScansEndpoints
{
    private static readonly string[] s_listDateFormats =
        ["MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy", "M/d/yyyy H:mm:ss", "M/d/yyyy", "yyyy-MM-dd", "o"];

    private static void MapQueries(RouteGroupBuilder api)
    {
        api.MapGet("/list", List).Produces<PagedResult<ScanTaskModel>>();
        api.MapGet("/listbystate", ListByState).Produces<PagedResult<ScanTaskModel>>();
        api.MapGet("/listbystatechanged", ListByStateChanged).Produces<PagedResult<ScanTaskModel>>();
        api.MapGet("/listbywebsite", ListByWebsite).Produces<PagedResult<ScanTaskModel>>();
        api.MapGet("/detail/{id}", Detail).Produces<ScanTaskModel>();
        api.MapGet("/status/{id}", Status).Produces<ApiScanStatusModel>();
        api.MapGet("/result/{id}", Result).Produces<IReadOnlyList<VulnerabilityModel>>();
    }

    public static Task<IResult> List([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var visible = Visible(s);
        return PageAsync(s, visible.OrderByDescending(x => x.InitiatedAt),
            () => s.VisibleCounts.GetAsync(s.Caller.Id, () => visible.CountAsync(cancellationToken)), cancellationToken);
    }

    public static Task<IResult> ListByState([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var state = RequiredEnum<ScanTaskState>(s.Request, "scanTaskState");
        var query = Visible(s).Where(x => x.State == state);
        if (s.Request.Query["targetUrlCriteria"].ToString() is { Length: > 0 } criteria)
        {
            var pattern = criteria.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper(): culture and comparison overloads do not apply.
            query = query.Where(x => x.TargetUrl.ToUpper().Contains(pattern));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var (start, end) = (OptionalDate(s.Request, "startDate"), OptionalDate(s.Request, "endDate"));
        query = state == ScanTaskState.Queued
            ? query.Where(x => (start == null || x.InitiatedAt >= start) && (end == null || x.InitiatedAt <= end))
            : query.Where(x => (start == null || x.StateChangedAt >= start) && (end == null || x.StateChangedAt <= end));
        return PageAsync(s, query.OrderByDescending(x => x.InitiatedAt), cancellationToken);
    }

    public static Task<IResult> ListByStateChanged([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var start = OptionalDate(s.Request, "startDate") ?? throw ApiException.BadRequest("'startDate' is required.");
        var end = OptionalDate(s.Request, "endDate") ?? throw ApiException.BadRequest("'endDate' is required.");
        var query = Visible(s).Where(x => x.StateChangedAt >= start && x.StateChangedAt <= end);
        return PageAsync(s, query.OrderByDescending(x => x.StateChangedAt), cancellationToken);
    }

    public static Task<IResult> ListByWebsite([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var query = Visible(s);
        if (s.Request.Query["websiteUrl"].ToString() is { Length: > 0 } websiteUrl)
        {
            var root = Scans.WebsiteUrls.Normalize(Scans.ScanLauncher.RequireTarget(websiteUrl).AbsoluteUri);
            var websiteIds = s.Db.Websites.Where(w => w.UserId == s.Caller.Id && w.RootUrl == root).Select(w => w.Id);
            query = query.Where(x => websiteIds.Contains(x.WebsiteId));
        }

        if (s.Request.Query["targetUrl"].ToString() is { Length: > 0 } targetUrl)
        {
            query = query.Where(x => x.TargetUrl == targetUrl);
        }

        var sort = OptionalEnum<SortDirection>(s.Request, "initiatedDateSortType") ?? SortDirection.Ascending;
        var ordered = sort == SortDirection.Ascending ? query.OrderBy(x => x.InitiatedAt) : query.OrderByDescending(x => x.InitiatedAt);
        return PageAsync(s, ordered, cancellationToken);
    }

    /// <summary>Deleted scans are still answered here, with <c>DeletedOn</c> set.</summary>
    public static async Task<IResult> Detail(string id, [AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var scan = await FindOwnAsync(s, id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await s.Mapper.ToModelAsync(scan, s.Caller, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Polled by every CI plugin while it waits: one round trip, reading only the progress columns.</summary>
    public static async Task<IResult> Status(string id, [AsParameters] ScanServices s, LaunchTimeEstimator launchTimes, CancellationToken cancellationToken)
    {
        var scanId = ParseId(id, "scan");
        var (scan, minutes) = await launchTimes.ProgressAsync(scanId, s.Caller.Id, cancellationToken).ConfigureAwait(false) ?? throw ScanNotFound(scanId);
        return TypedResults.Ok(new ApiScanStatusModel
        {
            CompletedSteps = scan.CompletedSteps,
            EstimatedLaunchTime = minutes,
            EstimatedSteps = scan.EstimatedSteps,
            State = scan.State,
        });
    }

    public static async Task<IResult> Result(string id, [AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var scan = await FindOwnAsync(s, id, cancellationToken).ConfigureAwait(false);
        var found = await s.Db.Vulnerabilities.AsNoTracking().Where(v => v.ScanId == scan.Id)
            .OrderByDescending(v => v.FoundAt).ThenBy(v => v.Url)
            .Select(v => new { v.Id, v.Title, v.Type, v.Url })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var issueBase = $"{s.Request.Scheme}://{s.Request.Host}/issues/detail/";
        IReadOnlyList<VulnerabilityModel> result = [.. found.Select(v => new VulnerabilityModel
        {
            IssueUrl = issueBase + v.Id.ToString("N") + "/",
            Title = v.Title,
            Type = v.Type,
            Url = v.Url,
        })];
        return TypedResults.Ok(result);
    }

    internal static Guid ParseId(string? id, string what) =>
        Guid.TryParse(id, out var value) ? value : throw ApiException.BadRequest($"'{id}' is not a valid {what} id.");

    private static readonly Func<HarrierDbContext, Guid, Guid, CancellationToken, Task<ScanEntity?>> s_ownScan = EF.CompileAsyncQuery(
        (HarrierDbContext db, Guid scanId, Guid userId, CancellationToken _) =>
            db.Scans.AsNoTracking().FirstOrDefault(x => x.Id == scanId && x.UserId == userId));

    /// <summary>The caller's scan, deleted or not; another user's or an unknown id is a 404.</summary>
    private static async Task<ScanEntity> FindOwnAsync(ScanServices s, Guid scanId, CancellationToken cancellationToken) =>
        await s_ownScan(s.Db, scanId, s.Caller.Id, cancellationToken).ConfigureAwait(false) ?? throw ScanNotFound(scanId);

    private static Task<ScanEntity> FindOwnAsync(ScanServices s, string id, CancellationToken cancellationToken) =>
        FindOwnAsync(s, ParseId(id, "scan"), cancellationToken);

    private static IQueryable<ScanEntity> Visible(ScanServices s) =>
        s.Db.Scans.AsNoTracking().Where(x => x.UserId == s.Caller.Id && x.DeletedAt == null);

    private static Task<IResult> PageAsync(ScanServices s, IQueryable<ScanEntity> query, CancellationToken cancellationToken) =>
        PageAsync(s, query, () => query.CountAsync(cancellationToken), cancellationToken);

    private static async Task<IResult> PageAsync(ScanServices s, IQueryable<ScanEntity> query, Func<Task<int>> count, CancellationToken cancellationToken)
    {
        var paging = Paging.From(s.Request);
        var total = await count().ConfigureAwait(false);
        var page = await query.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        var models = await s.Mapper.ToModelsAsync(page, s.Caller, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(paging.Result(models, total));
    }

    internal static T RequiredEnum<T>(HttpRequest request, string name)
        where T : struct, Enum =>
        OptionalEnum<T>(request, name) ?? throw ApiException.BadRequest($"'{name}' is required.");

    internal static T? OptionalEnum<T>(HttpRequest request, string name)
        where T : struct, Enum
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return EnumNames.TryParse<T>(text, out var value)
            ? value
            : throw ApiException.BadRequest($"'{text}' is not a valid {name}. Valid values: {EnumNames.List<T>()}.");
    }

    /// <summary>List-by-date filters: ISO-8601 or <c>MM/dd/yyyy HH:mm:ss</c>, taken as UTC.</summary>
    private static DateTime? OptionalDate(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, s_listDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var exact)
            || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out exact))
        {
            return exact;
        }

        throw ApiException.BadRequest($"'{name}' is not a valid date; use MM/dd/yyyy HH:mm:ss or ISO-8601.");
    }
}
