using Harrier.Contracts;
using Harrier.Contracts.Models;
using Harrier.Core.Scans;
using Harrier.Server.Http;
using Harrier.Server.Mapping;
using Harrier.Server.Scans;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

/// <summary><c>/api/1.0/scanprofiles/*</c> (contract §5.3): saved launch configurations. Secrets are never echoed back.</summary>
internal static class ScanProfilesEndpoints
{
    public static RouteGroupBuilder MapScanProfilesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/1.0/scanprofiles").RequireAuthorization().WithTags("ScanProfiles");
        api.MapPost("/new", New).AcceptsWireBody<SaveScanProfileApiModel>().Produces<SaveScanProfileApiModel>(StatusCodes.Status201Created);
        api.MapGet("/list", List).Produces<PagedResult<SaveScanProfileApiModel>>();
        api.MapGet("/get", GetByName).Produces<SaveScanProfileApiModel>();
        api.MapGet("/get/{id}", GetById).Produces<SaveScanProfileApiModel>();
        api.MapPost("/update", Update).AcceptsWireBody<SaveScanProfileApiModel>().Produces<SaveScanProfileApiModel>();
        api.MapPost("/delete", Delete).AcceptsWireBody<string>().Produces<string>();
        return api;
    }

    public static async Task<IResult> New([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<SaveScanProfileApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var name = RequireName(model);
        if (await Owned(s).AnyAsync(p => p.Name == name, cancellationToken).ConfigureAwait(false))
        {
            throw ApiException.BadRequest($"A scan profile named '{name}' already exists.");
        }

        var now = s.Time.GetUtcNow().UtcDateTime;
        var profile = new ScanProfileEntity
        {
            Id = Guid.NewGuid(),
            UserId = s.Caller.Id,
            Name = name,
            Configuration = await ConfigurationAsync(s, model, cancellationToken).ConfigureAwait(false),
            CreatedAt = now,
        };
        await ApplyAsync(s, profile, model, now, cancellationToken).ConfigureAwait(false);
        s.Db.ScanProfiles.Add(profile);
        await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(ToModel(profile), statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> List([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var paging = Paging.From(s.Request);
        var query = Owned(s).AsNoTracking();
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await query.OrderBy(p => p.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(paging.Result([.. page.Select(ToModel)], total));
    }

    public static async Task<IResult> GetByName([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var name = s.Request.Query["name"].ToString();
        var profile = await Owned(s).AsNoTracking().FirstOrDefaultAsync(p => p.Name == name, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Scan profile '{name}' was not found.");
        return TypedResults.Ok(ToModel(profile));
    }

    public static async Task<IResult> GetById(string id, [AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var profileId = ScansEndpoints.ParseId(id, "scan profile");
        var profile = await Owned(s).AsNoTracking().FirstOrDefaultAsync(p => p.Id == profileId, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Scan profile '{profileId}' was not found.");
        return TypedResults.Ok(ToModel(profile));
    }

    /// <summary>Finds the profile by <c>ProfileId</c> (or by name when no id is given) and replaces its settings.</summary>
    public static async Task<IResult> Update([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<SaveScanProfileApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var name = RequireName(model);
        var profile = await Owned(s).FirstOrDefaultAsync(p => model.ProfileId != null ? p.Id == model.ProfileId : p.Name == name, cancellationToken)
            .ConfigureAwait(false) ?? throw ApiException.NotFound($"Scan profile '{model.ProfileId?.ToString() ?? name}' was not found.");
        if (await Owned(s).AnyAsync(p => p.Name == name && p.Id != profile.Id, cancellationToken).ConfigureAwait(false))
        {
            throw ApiException.BadRequest($"A scan profile named '{name}' already exists.");
        }

        profile.Name = name;
        profile.Configuration = await ConfigurationAsync(s, model, cancellationToken).ConfigureAwait(false);
        await ApplyAsync(s, profile, model, s.Time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ToModel(profile));
    }

    public static async Task<IResult> Delete([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var id = await WireBody.ReadIdAsync(s.Request, "scan profile", cancellationToken).ConfigureAwait(false);
        var profile = await Owned(s).FirstOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return TypedResults.Ok(nameof(ScanProfileDeleteResult.NotExists));
        }

        var states = await s.Db.Scans.Where(x => x.ScanProfileId == id && x.DeletedAt == null).Select(x => x.State).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (states.Any(state => !ScanStateRules.IsTerminal(state)))
        {
            return TypedResults.Ok(nameof(ScanProfileDeleteResult.HasActiveScan));
        }

        s.Db.ScanProfiles.Remove(profile);
        await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(nameof(ScanProfileDeleteResult.Ok));
    }

    internal static SaveScanProfileApiModel ToModel(ScanProfileEntity profile)
    {
        var c = profile.Configuration;
        return new SaveScanProfileApiModel
        {
            AgentGroupId = profile.AgentGroupId,
            AgentId = profile.AgentId,
            CreateType = CreateType.Website,
            IsPrimary = profile.IsPrimary,
            IsShared = profile.IsShared,
            IsTimeWindowEnabled = profile.IsTimeWindowEnabled,
            PolicyId = c.PolicyId,
            ProfileId = profile.Id,
            ProfileName = profile.Name,
            ReportPolicyId = c.ReportPolicyId,
            WebsiteId = profile.WebsiteId,
            TargetUri = c.TargetUrl.Length == 0 ? null : c.TargetUrl,
            UserId = profile.UserId,
            AdditionalWebsites = [.. c.AdditionalWebsites.Select(w => new AdditionalWebsiteModel { Canonical = w.Canonical, TargetUrl = w.TargetUrl })],
            Cookies = c.Cookies,
            CrawlAndAttack = c.CrawlAndAttack,
            EnableHeuristicChecksInCustomUrlRewrite = c.UrlRewrite.EnableHeuristicChecksInCustomUrlRewrite,
            ExcludedLinks = [.. c.ExcludedLinks.Select(l => new ExcludedLinkModel { RegexPattern = l })],
            ExcludedUsageTrackers = [.. c.ExcludedUsageTrackers.Select(u => new ExcludedUsageTrackerModel { Url = u })],
            DisallowedHttpMethods = c.DisallowedHttpMethods,
            ExcludeLinks = c.ExcludeLinks,
            ExcludeAuthenticationPages = c.ExcludeAuthenticationPages,
            FindAndFollowNewLinks = c.FindAndFollowNewLinks,
            AuthenticationProfileOption = c.AuthenticationProfileOption,
            AuthenticationProfileId = c.AuthenticationProfileId,
            ImportedLinks = c.ImportedLinks,
            IsMaxScanDurationEnabled = c.IsMaxScanDurationEnabled,
            MaxDynamicSignatures = c.MaxDynamicSignatures,
            MaxScanDuration = c.MaxScanDuration,
            Scope = c.Scope,
            SubPathMaxDynamicSignatures = c.SubPathMaxDynamicSignatures,
            TimeWindow = LaunchSettingsMapper.ToModel(c.TimeWindow),
            UrlRewriteAnalyzableExtensions = c.UrlRewrite.AnalyzableExtensions,
            UrlRewriteBlockSeparators = c.UrlRewrite.BlockSeparators,
            UrlRewriteMode = c.UrlRewrite.Mode,
            UrlRewriteRules = [.. c.UrlRewrite.Rules.Select(r => new UrlRewriteRuleModel { PlaceholderPattern = r.PlaceholderPattern, RegexPattern = r.RegexPattern })],
            DoNotDifferentiateProtocols = c.DoNotDifferentiateProtocols,
            UrlRewriteExcludedLinks = [.. c.UrlRewrite.ExcludedPaths.Select(p => new UrlRewriteExcludedPathModel { ExcludedPath = p.ExcludedPath, IsRegex = p.IsRegex })],
            EnablePciScanTask = c.EnablePciScanTask,
            BusinessLogicRecorderSetting = LaunchSettingsMapper.ToBusinessLogicModel(c.BusinessLogicRecorderSetting),
            Tags = c.Tags,
            Comments = c.Comments,
        };
    }

    private static string RequireName(SaveScanProfileApiModel model) =>
        string.IsNullOrWhiteSpace(model.ProfileName) || model.ProfileName.Length > 255
            ? throw ApiException.Invalid(new Dictionary<string, string[]> { ["model.ProfileName"] = ["ProfileName is required and at most 255 characters long."] })
            : model.ProfileName.Trim();

    private static Task<ScanConfiguration> ConfigurationAsync(ScanServices s, SaveScanProfileApiModel model, CancellationToken cancellationToken)
    {
        if (model.TargetUri is { Length: > 0 })
        {
            ScanLauncher.RequireTarget(model.TargetUri);
        }

        return s.Launcher.ConfigurationFromAsync(s.Caller, model, model.TargetUri ?? "", null, null, cancellationToken);
    }

    private static async Task ApplyAsync(ScanServices s, ScanProfileEntity profile, SaveScanProfileApiModel model, DateTime now, CancellationToken cancellationToken)
    {
        if (model.WebsiteId is { } websiteId
            && !await s.Db.Websites.AnyAsync(w => w.Id == websiteId && w.UserId == s.Caller.Id && w.DeletedAt == null, cancellationToken).ConfigureAwait(false))
        {
            throw ApiException.Invalid(new Dictionary<string, string[]> { ["model.WebsiteId"] = ["The website was not found."] });
        }

        profile.WebsiteId = model.WebsiteId;
        profile.IsPrimary = model.IsPrimary ?? false;
        profile.IsShared = model.IsShared ?? false;
        profile.IsTimeWindowEnabled = model.IsTimeWindowEnabled ?? model.TimeWindow is not null;
        profile.AgentId = model.AgentId;
        profile.AgentGroupId = model.AgentGroupId;
        profile.UpdatedAt = now;
    }

    private static IQueryable<ScanProfileEntity> Owned(ScanServices s) => s.Db.ScanProfiles.Where(p => p.UserId == s.Caller.Id);
}
