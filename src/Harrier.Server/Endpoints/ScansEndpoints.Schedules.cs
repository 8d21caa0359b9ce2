using Harrier.Contracts;
using Harrier.Contracts.Models;
using Harrier.Core.Scans;
using Harrier.Core.Scheduling;
using Harrier.Server.Http;
using Harrier.Server.Scheduling;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

/// <summary>Scheduled scans (contract §2.11, §2.26–§2.31, §3.6). The scheduler that launches them: <see cref="ScheduleRunner"/>.</summary>
internal static partial class ScansEndpoints
{
    private static void MapSchedules(RouteGroupBuilder api)
    {
        api.MapGet("/list-scheduled", ListScheduled).Produces<PagedResult<ScheduledScanApiModel>>();
        api.MapPost("/schedule", Schedule).AcceptsWireBody<NewScheduledScanApiModel>()
            .Produces<UpdateScheduledScanModel>(StatusCodes.Status201Created);
        api.MapPost("/schedulewithprofile", ScheduleWithProfile).AcceptsWireBody<NewScheduledWithProfileApiModel>()
            .Produces<UpdateScheduledScanModel>(StatusCodes.Status201Created);
        api.MapPost("/schedule-incremental", ScheduleIncremental).AcceptsWireBody<NewScheduledIncrementalScanApiModel>()
            .Produces<UpdateScheduledScanModel>(StatusCodes.Status201Created);
        api.MapPost("/update-scheduled", UpdateScheduled).AcceptsWireBody<UpdateScheduledScanApiModel>()
            .Produces<UpdateScheduledScanApiModel>();
        api.MapPost("/update-scheduled-incremental", UpdateScheduledIncremental).AcceptsWireBody<UpdateScheduledIncrementalScanApiModel>()
            .Produces<UpdateScheduledIncrementalScanApiModel>();
        api.MapPost("/unschedule", Unschedule).AcceptsWireBody<string>().Produces(StatusCodes.Status200OK);
    }

    /// <summary>The caller's schedules, next to run first; disabled and ended ones (no next run) last.</summary>
    public static async Task<IResult> ListScheduled([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var paging = Paging.From(s.Request);
        var mine = s.Db.ScheduledScans.AsNoTracking().Where(x => x.UserId == s.Caller.Id);
        var total = await mine.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await mine
            .OrderBy(x => x.Disabled || x.NextExecutionTime == null).ThenBy(x => x.NextExecutionTime).ThenBy(x => x.Name).ThenBy(x => x.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(paging.Result(page.Select(x => ScheduleModelMapper.ToListItem(x, s.Caller)).ToList(), total));
    }

    public static async Task<IResult> Schedule([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<NewScheduledScanApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var when = ReadWhen(s, model.Name, model.NextExecutionTime, model.ScheduleRunType, model.CustomRecurrence, model);
        var (configuration, website) = await LaunchSettingsAsync(s, model, cancellationToken).ConfigureAwait(false);
        var schedule = NewSchedule(s, model.Name!, when, configuration, website.Id);
        return await CreatedScheduleAsync(s, schedule, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IResult> ScheduleWithProfile([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<NewScheduledWithProfileApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var errors = ProfileLaunchErrors(model.ProfileName, model.TargetUri);

        var when = ScheduleRequests.Read(s.Caller, model.Name, model.NextExecutionTime, model.ScheduleRunType, model.CustomRecurrence, errors);
        errors.ThrowIfInvalid();
        var profile = await FindUsableProfileAsync(s, model.ProfileName, cancellationToken).ConfigureAwait(false);
        var website = await s.Launcher.ResolveWebsiteAsync(s.Caller, model.TargetUri!, cancellationToken).ConfigureAwait(false);
        var schedule = NewSchedule(s, model.Name!, when!.Value, profile.Configuration with { TargetUrl = model.TargetUri! }, website.Id);
        schedule.ScanProfileId = profile.Id;
        return await CreatedScheduleAsync(s, schedule, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IResult> ScheduleIncremental([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<NewScheduledIncrementalScanApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var when = ReadWhen(s, model.Name, model.NextExecutionTime, model.ScheduleRunType, custom: null, launch: null);
        var source = await CompletedBaseScanAsync(s, model.BaseScanId, cancellationToken).ConfigureAwait(false);
        var configuration = IncrementalConfiguration(source, model.IsMaxScanDurationEnabled, model.MaxScanDuration, model.Tags, model.AgentName);
        var schedule = NewSchedule(s, model.Name!, when, configuration, source.WebsiteId);
        schedule.ScanType = ScanType.Incremental;
        schedule.BaseScanId = source.Id;
        schedule.ScanProfileId = source.ScanProfileId;
        return await CreatedScheduleAsync(s, schedule, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces a full-scan schedule's launch settings and timing; the launch count and history stay.</summary>
    public static async Task<IResult> UpdateScheduled([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<UpdateScheduledScanApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var schedule = await OwnScheduleAsync(s, model.Id, ScanType.Full, cancellationToken).ConfigureAwait(false);
        var when = ReadWhen(s, model.Name, model.NextExecutionTime, model.ScheduleRunType, model.CustomRecurrence, model);
        var (configuration, website) = await LaunchSettingsAsync(s, model, cancellationToken).ConfigureAwait(false);
        Apply(s, schedule, model.Name!, when, configuration, model.Disabled ?? false);
        schedule.WebsiteId = website.Id;
        await SaveScheduleAsync(s, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(model with { NextExecutionTime = ScheduleModelMapper.NextExecutionTime(schedule, s.Caller) });
    }

    public static async Task<IResult> UpdateScheduledIncremental([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<UpdateScheduledIncrementalScanApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var schedule = await OwnScheduleAsync(s, model.Id, ScanType.Incremental, cancellationToken).ConfigureAwait(false);
        var when = ReadWhen(s, model.Name, model.NextExecutionTime, model.ScheduleRunType, custom: null, launch: null);
        var source = await CompletedBaseScanAsync(s, model.BaseScanId, cancellationToken).ConfigureAwait(false);
        var configuration = IncrementalConfiguration(source, model.IsMaxScanDurationEnabled, model.MaxScanDuration, model.Tags, model.AgentName);
        Apply(s, schedule, model.Name!, when, configuration, model.Disabled ?? false);
        schedule.WebsiteId = source.WebsiteId;
        schedule.BaseScanId = source.Id;
        await SaveScheduleAsync(s, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(model with { NextExecutionTime = ScheduleModelMapper.NextExecutionTime(schedule, s.Caller) });
    }

    /// <summary>Deletes the schedule; the scans it launched stay (with their <c>ScheduledScanId</c>).</summary>
    public static async Task<IResult> Unschedule([AsParameters] ScanServices s, CancellationToken cancellationToken)
    {
        var id = await WireBody.ReadIdAsync(s.Request, "schedule", cancellationToken).ConfigureAwait(false);
        var deleted = await s.Db.ScheduledScans.Where(x => x.Id == id && x.UserId == s.Caller.Id)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return deleted == 0 ? throw ScheduleNotFound(id) : TypedResults.Ok();
    }

    private static ApiException ScheduleNotFound(Guid? id) => ApiException.NotFound($"Scheduled scan '{id}' was not found.");

    /// <summary>Validates the timing together with the launch target, so one 400 lists every problem.</summary>
    private static (ScheduleRule Rule, DateTime First) ReadWhen(
        ScanServices s, string? name, string? next, ScheduleRunType? runType, ScheduledScanRecurrenceApiModel? custom, IScanLaunchSettings? launch)
    {
        var errors = new ModelState();
        var when = ScheduleRequests.Read(s.Caller, name, next, runType, runType == ScheduleRunType.Custom ? custom : null, errors);
        if (launch is not null && !Mapping.LaunchSettingsMapper.IsHttpUrl(launch.TargetUri))
        {
            errors.Add("TargetUri", $"'{launch.TargetUri}' is not an absolute http or https URL (website group schedules are not supported).");
        }

        errors.ThrowIfInvalid();
        return when!.Value;
    }

    private static async Task<(ScanConfiguration Configuration, WebsiteEntity Website)> LaunchSettingsAsync(
        ScanServices s, IScanLaunchSettings model, CancellationToken cancellationToken)
    {
        var configuration = await s.Launcher.ConfigurationFromAsync(s.Caller, model, model.TargetUri!, null, null, cancellationToken).ConfigureAwait(false);
        var website = await s.Launcher.ResolveWebsiteAsync(s.Caller, model.TargetUri!, cancellationToken).ConfigureAwait(false);
        return (configuration, website);
    }

    private static ScanConfiguration IncrementalConfiguration(
        ScanEntity source, bool? isMaxScanDurationEnabled, int? maxScanDuration, IReadOnlyList<string>? tags, string? agentName) =>
        source.Configuration with
        {
            IsMaxScanDurationEnabled = isMaxScanDurationEnabled ?? source.Configuration.IsMaxScanDurationEnabled,
            MaxScanDuration = maxScanDuration ?? source.Configuration.MaxScanDuration,
            Tags = tags ?? source.Configuration.Tags,
            AgentName = agentName ?? source.Configuration.AgentName,
        };

    private static ScheduledScanEntity NewSchedule(
        ScanServices s, string name, (ScheduleRule Rule, DateTime First) when, ScanConfiguration configuration, Guid websiteId)
    {
        var now = s.Time.GetUtcNow().UtcDateTime;
        return new ScheduledScanEntity
        {
            Id = Guid.NewGuid(),
            UserId = s.Caller.Id,
            WebsiteId = websiteId,
            Name = name.Trim(),
            Configuration = configuration,
            TargetUrl = configuration.TargetUrl,
            Rule = when.Rule,
            NextExecutionTime = when.First,
            CreatedAt = now,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
        };
    }

    private static void Apply(
        ScanServices s, ScheduledScanEntity schedule, string name, (ScheduleRule Rule, DateTime First) when, ScanConfiguration configuration, bool disabled)
    {
        schedule.Name = name.Trim();
        schedule.Configuration = configuration;
        schedule.TargetUrl = configuration.TargetUrl;
        schedule.Rule = when.Rule;
        // A one-off runs again at its new time; a custom occurrence limit counts the launches already made.
        schedule.NextExecutionTime = when.Rule.RunType == ScheduleRunType.Once
            ? when.First
            : ScheduleCalculator.NextAfter(when.Rule, when.First.AddTicks(-1), schedule.LaunchCount);
        schedule.Disabled = disabled;
        schedule.UpdatedAt = s.Time.GetUtcNow().UtcDateTime;
        schedule.Version = Guid.NewGuid();
    }

    private static async Task<ScheduledScanEntity> OwnScheduleAsync(ScanServices s, Guid? id, ScanType type, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            throw ApiException.Invalid(new Dictionary<string, string[]> { ["model.Id"] = ["Id is required."] });
        }

        var schedule = await s.Db.ScheduledScans.FirstOrDefaultAsync(x => x.Id == id && x.UserId == s.Caller.Id, cancellationToken).ConfigureAwait(false)
            ?? throw ScheduleNotFound(id);
        return schedule.ScanType == type ? schedule
            : throw ApiException.BadRequest(type == ScanType.Incremental
                ? "This schedule launches full scans: update it with update-scheduled."
                : "This schedule launches incremental scans: update it with update-scheduled-incremental.");
    }

    private static async Task<IResult> CreatedScheduleAsync(ScanServices s, ScheduledScanEntity schedule, CancellationToken cancellationToken)
    {
        s.Db.ScheduledScans.Add(schedule);
        await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(ScheduleModelMapper.ToModel(schedule, s.Caller), statusCode: StatusCodes.Status201Created);
    }

    private static async Task SaveScheduleAsync(ScanServices s, CancellationToken cancellationToken)
    {
        try
        {
            await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ApiException(StatusCodes.Status409Conflict, "The schedule was launched or changed while updating it; send the update again.");
        }
    }
}
