using System.Text.Json;
using Harrier.Contracts.Models;
using Harrier.Contracts.Plugins;
using Harrier.Contracts.Serialization;
using Harrier.Core.Issues;
using Harrier.Core.Scans;
using Harrier.Server.Http;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

/// <summary>
/// The undocumented endpoints every official Invicti CI integration calls (contract §2.35–§2.39): Jenkins, TeamCity,
/// Bamboo and the GitHub Action. Failures answer the plugins' own envelope, <c>{IsValid: false, ErrorMessage}</c>.
/// </summary>
internal static class PluginEndpoints
{
    public static RouteGroupBuilder MapPluginApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/1.0/scans").RequireAuthorization().WithTags("CI plugins").AddEndpointFilter(AsPluginError);
        api.MapPost("/CreateFromPluginScanRequest", Create).AcceptsWireBody<PluginScanRequest>().Produces<PluginScanResult>(StatusCodes.Status201Created);
        api.MapPost("/VerifyPluginScanRequest", Verify).AcceptsWireBody<PluginScanRequest>().Produces<PluginScanResult>();
        api.MapGet("/PluginWebSiteModels", Websites).Produces<IReadOnlyList<PluginWebsiteModel>>();
        api.MapPost("/ScanInfoForPlugin", ScanInfo).AcceptsWireBody<ScanInfoRequest>().Produces<PluginScanResult>();
        api.MapGet("/ScanInfoForPlugin/{scanId}", ScanInfoById).Produces<PluginScanResult>();
        api.MapPost("/CancelScanForPlugin/{scanId}", Cancel).Produces<PluginScanResult>();
        return api;
    }

    public static async Task<IResult> Create([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var request = await WireBody.ReadAsync<PluginScanRequest>(s.Request, cancellationToken).ConfigureAwait(false);
        var (website, configuration, profileId, baseScan) = await ResolveAsync(s, request, cancellationToken).ConfigureAwait(false);
        var vcs = request.VcsCommitInfoModel is { } info ? JsonSerializer.Serialize(info with { CiBuildServerName = info.IntegrationSystem?.ToString() }, InvictiJson.Options) : null;
        var scan = s.Launcher.Queue(s.Caller, website.Id, configuration, baseScan is null ? ScanType.Full : ScanType.Incremental,
            baseScan?.Id, profileId: profileId, vcsCommitInfoJson: vcs);
        await s.Launcher.SaveAsync(s.Caller, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new PluginScanResult { IsValid = true, ScanTaskId = scan.Id }, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> Verify([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var request = await WireBody.ReadAsync<PluginScanRequest>(s.Request, cancellationToken).ConfigureAwait(false);
        await ResolveAsync(s, request, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new PluginScanResult { IsValid = true });
    }

    public static async Task<IResult> Websites([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var websites = await s.Db.Websites.AsNoTracking().Where(w => w.UserId == s.Caller.Id && w.DeletedAt == null).OrderBy(w => w.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var profiles = await s.Db.ScanProfiles.AsNoTracking().Where(p => p.UserId == s.Caller.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<PluginWebsiteModel> models = [.. websites.Select(w => new PluginWebsiteModel(w.Id, w.Name, w.RootUrl,
            [.. profiles.Where(p => p.WebsiteId == w.Id || p.Configuration.TargetUrl.StartsWith(w.RootUrl, StringComparison.OrdinalIgnoreCase))
                .Select(p => new PluginWebsiteProfile(p.Id, p.Name))]))];
        return TypedResults.Ok(models);
    }

    public static async Task<IResult> ScanInfo([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var request = await WireBody.ReadAsync<ScanInfoRequest>(s.Request, cancellationToken).ConfigureAwait(false);
        return await ScanInfoAsync(s, request.ScanId ?? throw ApiException.BadRequest("ScanId is required."), request, cancellationToken).ConfigureAwait(false);
    }

    public static Task<IResult> ScanInfoById(string scanId, [AsParameters] ScanServices s, CancellationToken cancellationToken) =>
        ScanInfoAsync(s, ScansEndpoints.ParseId(scanId, "scan"), new ScanInfoRequest(), cancellationToken);

    public static async Task<IResult> Cancel(string scanId, [AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var id = ScansEndpoints.ParseId(scanId, "scan");
        var result = await ScansEndpoints.ApplyControlAsync(s, id, ScanStateRules.Cancel, cancellationToken).ConfigureAwait(false);
        return result == ScanControlResult.ScanNotFound
            ? throw ScansEndpoints.ScanNotFound(id)
            : TypedResults.Ok(new PluginScanResult
            {
                IsValid = result == ScanControlResult.Ok,
                ScanTaskId = id,
                ErrorMessage = result == ScanControlResult.Ok ? null : result.ToString(),
            });
    }

    /// <summary>
    /// State and non-zero counts per severity, leaving out findings whose issue is in a state the request's
    /// <c>IgnoredVulnerabilityStateFilters</c> ignores (a finding not tracked yet counts as Present).
    /// </summary>
    private static async Task<IResult> ScanInfoAsync(ScanServices s, Guid id, ScanInfoRequest request, CancellationToken cancellationToken)
    {
        var scan = await s.Db.Scans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.UserId == s.Caller.Id, cancellationToken)
            .ConfigureAwait(false) ?? throw ScansEndpoints.ScanNotFound(id);
        var findings = await s.Db.Vulnerabilities.AsNoTracking().Where(v => v.ScanId == id && (!request.IsConfirmed || v.IsConfirmed))
            .Select(v => new { v.Severity, v.Fingerprint }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var fingerprints = findings.Select(f => f.Fingerprint).ToList();
        var states = await s.Db.Issues.AsNoTracking().Where(i => i.WebsiteId == scan.WebsiteId && fingerprints.Contains(i.Fingerprint))
            .ToDictionaryAsync(i => i.Fingerprint, i => i.State, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var ignored = request.IgnoredVulnerabilityStateFilters ?? new IgnoredVulnerabilityStateFilters();
        var severities = findings.Where(f => !Ignores(ignored, states.GetValueOrDefault(f.Fingerprint, IssueState.Present))).Select(f => f.Severity);
        var counts = severities.Where(v => v != Severity.Information).GroupBy(v => v)
            .OrderByDescending(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count());
        return TypedResults.Ok(new PluginScanResult
        {
            IsValid = true,
            ScanTaskId = id,
            // Older clients know only the first ten states (contract §2.38).
            State = (scan.State == ScanTaskState.AsyncArchiving ? ScanTaskState.Archiving : scan.State).ToString(),
            FoundedSeverityAndCounts = counts,
        });
    }

    private static bool Ignores(IgnoredVulnerabilityStateFilters filters, IssueState state) => state switch
    {
        IssueState.Present => filters.Present,
        IssueState.FixedUnconfirmed => filters.FixedUnconfirmed,
        IssueState.FixedCantRetest => filters.FixedCantRetest,
        IssueState.FixedConfirmed => filters.FixedConfirmed,
        IssueState.Revived => filters.Revived,
        IssueState.Scanning => filters.Scanning,
        IssueState.Ignored => filters.Ignored,
        IssueState.AcceptedRisk => filters.AcceptedRisk,
        IssueState.FalsePositive => filters.FalsePositive,
        _ => false,
    };

    private static async Task<(WebsiteEntity Website, ScanConfiguration Configuration, Guid? ProfileId, ScanEntity? BaseScan)> ResolveAsync(
        ScanServices s, PluginScanRequest request, CancellationToken cancellationToken)
    {
        var website = await s.Db.Websites.FirstOrDefaultAsync(w => w.Id == request.WebsiteId && w.UserId == s.Caller.Id && w.DeletedAt == null, cancellationToken)
            .ConfigureAwait(false) ?? throw ApiException.NotFound("The website was not found. Check the website selected in the plugin settings.");
        var kind = request.ScanType?.Trim().ToUpperInvariant();
        if (kind is not ("INCREMENTAL" or "FULLWITHPRIMARYPROFILE" or "FULLWITHSELECTEDPROFILE"))
        {
            throw ApiException.BadRequest($"'{request.ScanType}' is not a scan type; use Incremental, FullWithPrimaryProfile or FullWithSelectedProfile.");
        }

        var profiles = s.Db.ScanProfiles.AsNoTracking().Where(p => p.UserId == s.Caller.Id);
        var profile = kind == "FULLWITHPRIMARYPROFILE"
            ? await profiles.Where(p => p.WebsiteId == website.Id).OrderByDescending(p => p.IsPrimary).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : await profiles.FirstOrDefaultAsync(p => p.Id == request.ProfileId, cancellationToken).ConfigureAwait(false)
                ?? (kind == "FULLWITHSELECTEDPROFILE" ? throw ApiException.NotFound("The selected scan profile was not found.") : null);
        var configuration = profile?.Configuration is { } saved
            ? saved with { TargetUrl = saved.TargetUrl.Length > 0 ? saved.TargetUrl : website.RootUrl }
            : await s.Launcher.ConfigurationFromAsync(s.Caller, new NewScanTaskApiModel(), website.RootUrl, null, null, cancellationToken).ConfigureAwait(false);
        var baseScan = kind == "INCREMENTAL"
            ? await s.Db.Scans.AsNoTracking().Where(x => x.WebsiteId == website.Id && x.UserId == s.Caller.Id && x.State == ScanTaskState.Complete && x.DeletedAt == null)
                .OrderByDescending(x => x.InitiatedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        return (website, configuration, profile?.Id, baseScan);
    }

    private static async ValueTask<object?> AsPluginError(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            var message = ex.ModelState is { Count: > 0 } fields ? ex.Message + " " + string.Join(" ", fields.SelectMany(f => f.Value)) : ex.Message;
            return TypedResults.Json(new PluginScanResult { IsValid = false, ErrorMessage = message }, statusCode: ex.StatusCode);
        }
    }
}
