using Harrier.Contracts.Models;
using Harrier.Core.Scans;
using Harrier.Server.Http;
using Harrier.Server.Scans;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

/// <summary><c>/api/1.0/scans/*</c> (contract §2): launches here, queries and control in the other parts of this class.</summary>
internal static partial class ScansEndpoints
{
    public static RouteGroupBuilder MapScansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/1.0/scans").RequireAuthorization().WithTags("Scans");
        api.MapPost("/new", NewScan).AcceptsWireBody<NewScanTaskApiModel>()
            .Produces<IReadOnlyList<ScanTaskModel>>(StatusCodes.Status201Created);
        api.MapPost("/newfromscan", NewFromScan).AcceptsWireBody<string>().Produces<ScanTaskModel>(StatusCodes.Status201Created);
        api.MapPost("/newwithprofile", NewWithProfile).AcceptsWireBody<NewScanTaskWithProfileApiModel>()
            .Produces<ScanTaskModel>(StatusCodes.Status201Created);
        api.MapPost("/newgroupscan", NewGroupScan).AcceptsWireBody<NewGroupScanApiModel>()
            .Produces<IReadOnlyList<ScanTaskModel>>(StatusCodes.Status201Created);
        api.MapPost("/incremental", Incremental).AcceptsWireBody<IncrementalApiModel>().Produces<ScanTaskModel>(StatusCodes.Status201Created);
        api.MapPost("/retest", Retest).AcceptsWireBody<BaseScanApiModel>().Produces<ScanTaskModel>(StatusCodes.Status201Created);
        MapQueries(api);
        MapControl(api);
        MapReports(api);
        MapSchedules(api);
        return api;
    }

    public static async Task<IResult> NewScan([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<NewScanTaskApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        if (model.CreateType == CreateType.WebsiteGroup)
        {
            var group = await s.Db.WebsiteGroups.Include(g => g.Websites)
                .FirstOrDefaultAsync(g => g.Id == model.WebsiteGroupId && g.UserId == s.Caller.Id, cancellationToken).ConfigureAwait(false)
                ?? throw ApiException.Invalid(new Dictionary<string, string[]> { ["model.WebsiteGroupId"] = ["The website group was not found."] });
            return await LaunchForGroupAsync(s, group, model, policyId: null, reportPolicyId: null, cancellationToken).ConfigureAwait(false);
        }

        ScanLauncher.RequireTarget(model.TargetUri);
        var configuration = await s.Launcher.ConfigurationFromAsync(s.Caller, model, model.TargetUri!, null, null, cancellationToken).ConfigureAwait(false);
        var website = await s.Launcher.ResolveWebsiteAsync(s.Caller, model.TargetUri!, cancellationToken).ConfigureAwait(false);
        var scan = s.Launcher.Queue(s.Caller, website.Id, configuration);
        await s.Launcher.SaveAsync(s.Caller, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ScanTaskModel> created = [await s.Mapper.ToModelAsync(scan, s.Caller, cancellationToken).ConfigureAwait(false)];
        return TypedResults.Json(created, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// Relaunches with the source's configuration as it is stored. Works from a source in any state, deleted ones
    /// included (deletion hides a scan from lists but keeps its configuration); another user's scan is a 404.
    /// </summary>
    public static async Task<IResult> NewFromScan([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var id = await WireBody.ReadIdAsync(s.Request, "scan", cancellationToken).ConfigureAwait(false);
        var source = await FindOwnAsync(s, id, cancellationToken).ConfigureAwait(false);
        var scan = s.Launcher.Queue(s.Caller, source.WebsiteId, source.Configuration, profileId: source.ScanProfileId);
        await s.Launcher.SaveAsync(s.Caller, cancellationToken).ConfigureAwait(false);
        return Created(await s.Mapper.ToModelAsync(scan, s.Caller, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>What a launch from a profile needs, now or scheduled: a profile name and an http(s) target.</summary>
    private static ModelState ProfileLaunchErrors(string? profileName, string? targetUri)
    {
        var errors = new ModelState();
        if (string.IsNullOrWhiteSpace(profileName))
        {
            errors.Add("ProfileName", "ProfileName is required.");
        }

        if (!Mapping.LaunchSettingsMapper.IsHttpUrl(targetUri))
        {
            errors.Add("TargetUri", "TargetUri must be an absolute http or https URL.");
        }

        return errors;
    }

    /// <summary>The caller's profile of that name, else a shared one; 404 when there is neither.</summary>
    private static async Task<ScanProfileEntity> FindUsableProfileAsync(ScanServices s, string? name, CancellationToken cancellationToken) =>
        await s.Db.ScanProfiles.AsNoTracking()
            .Where(p => p.Name == name && (p.UserId == s.Caller.Id || p.IsShared))
            .OrderByDescending(p => p.UserId == s.Caller.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Scan profile '{name}' was not found.");

    public static async Task<IResult> NewWithProfile([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<NewScanTaskWithProfileApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var errors = ProfileLaunchErrors(model.ProfileName, model.TargetUri);

        errors.ThrowIfInvalid();
        var profile = await FindUsableProfileAsync(s, model.ProfileName, cancellationToken).ConfigureAwait(false);
        var website = await s.Launcher.ResolveWebsiteAsync(s.Caller, model.TargetUri!, cancellationToken).ConfigureAwait(false);
        var scan = s.Launcher.Queue(s.Caller, website.Id, profile.Configuration with { TargetUrl = model.TargetUri! }, profileId: profile.Id);
        await s.Launcher.SaveAsync(s.Caller, cancellationToken).ConfigureAwait(false);
        return Created(await s.Mapper.ToModelAsync(scan, s.Caller, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<IResult> NewGroupScan([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<NewGroupScanApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(model.WebsiteGroupName))
        {
            throw ApiException.Invalid(new Dictionary<string, string[]> { ["model.WebsiteGroupName"] = ["WebsiteGroupName is required."] });
        }

        var group = await s.Db.WebsiteGroups.Include(g => g.Websites)
            .FirstOrDefaultAsync(g => g.Name == model.WebsiteGroupName && g.UserId == s.Caller.Id, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Website group '{model.WebsiteGroupName}' was not found.");
        var launch = new NewScanTaskApiModel
        {
            AuthenticationProfileOption = model.AuthenticationProfileOption,
            AuthenticationProfileId = model.AuthenticationProfileId,
            TimeWindow = model.TimeWindow,
            Tags = model.Tags,
        };
        return await LaunchForGroupAsync(s, group, launch, model.PolicyId, model.ReportPolicyId, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IResult> Incremental([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<IncrementalApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var source = await CompletedBaseScanAsync(s, model.BaseScanId, cancellationToken).ConfigureAwait(false);
        var configuration = source.Configuration with
        {
            MaxScanDuration = model.MaxScanDuration ?? source.Configuration.MaxScanDuration,
            IsMaxScanDurationEnabled = model.IsMaxScanDurationEnabled ?? source.Configuration.IsMaxScanDurationEnabled,
            AgentName = model.AgentName ?? source.Configuration.AgentName,
            AgentGroupName = model.AgentGroupName ?? source.Configuration.AgentGroupName,
        };
        return await LaunchFromBaseAsync(s, source, configuration, ScanType.Incremental, Guid.NewGuid(), cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IResult> Retest([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<BaseScanApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var source = await CompletedBaseScanAsync(s, model.BaseScanId, cancellationToken).ConfigureAwait(false);
        var configuration = source.Configuration with { AgentName = model.AgentName ?? source.Configuration.AgentName };
        return await LaunchFromBaseAsync(s, source, configuration, ScanType.Retest, source.ScanTaskGroupId, cancellationToken).ConfigureAwait(false);
    }

    internal static ApiException ScanNotFound(Guid id) => ApiException.NotFound($"Scan '{id}' was not found.");

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ScanTaskModel> Created(ScanTaskModel model) => TypedResults.Json(model, statusCode: StatusCodes.Status201Created);

    private static async Task<IResult> LaunchForGroupAsync(
        ScanServices s, WebsiteGroupEntity group, NewScanTaskApiModel model, Guid? policyId, Guid? reportPolicyId, CancellationToken cancellationToken)
    {
        var websites = group.Websites.Where(w => w.DeletedAt is null).OrderBy(w => w.Name).ToList();
        if (websites.Count == 0)
        {
            throw ApiException.BadRequest($"Website group '{group.Name}' has no websites to scan.");
        }

        var groupId = Guid.NewGuid();
        var scans = new List<ScanEntity>();
        foreach (var website in websites)
        {
            var configuration = await s.Launcher.ConfigurationFromAsync(s.Caller, model, website.RootUrl, policyId, reportPolicyId, cancellationToken).ConfigureAwait(false);
            scans.Add(s.Launcher.Queue(s.Caller, website.Id, configuration, groupId: groupId));
        }

        await s.Launcher.SaveAsync(s.Caller, cancellationToken).ConfigureAwait(false);
        var created = await s.Mapper.ToModelsAsync(scans, s.Caller, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(created, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<ScanEntity> CompletedBaseScanAsync(ScanServices s, Guid? baseScanId, CancellationToken cancellationToken)
    {
        if (baseScanId is not { } id)
        {
            throw ApiException.Invalid(new Dictionary<string, string[]> { ["model.BaseScanId"] = ["BaseScanId is required."] });
        }

        var source = await s.Db.Scans.AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == id && x.UserId == s.Caller.Id && x.DeletedAt == null, cancellationToken).ConfigureAwait(false)
            ?? throw ScanNotFound(id);
        return source.State == ScanTaskState.Complete
            ? source
            : throw ApiException.BadRequest($"The base scan must be complete; it is {source.State}.");
    }

    private static async Task<IResult> LaunchFromBaseAsync(
        ScanServices s, ScanEntity source, ScanConfiguration configuration, ScanType type, Guid groupId, CancellationToken cancellationToken)
    {
        var scan = s.Launcher.Queue(s.Caller, source.WebsiteId, configuration, type, source.Id, groupId, source.ScanProfileId);
        await s.Launcher.SaveAsync(s.Caller, cancellationToken).ConfigureAwait(false);
        return Created(await s.Mapper.ToModelAsync(scan, s.Caller, cancellationToken).ConfigureAwait(false));
    }
}
