using Harrier.Contracts;
using Harrier.Contracts.Models;
using Harrier.Core.Scans;
using Harrier.Server.Http;
using Harrier.Server.Mapping;
using Harrier.Server.Scans;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

/// <summary><c>/api/1.0/websites/*</c> (contract §5.1).</summary>
internal static class WebsitesEndpoints
{
    public static RouteGroupBuilder MapWebsitesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/1.0/websites").RequireAuthorization().WithTags("Websites");
        api.MapPost("/new", New).AcceptsWireBody<NewWebsiteApiModel>().Produces<WebsiteApiModel>(StatusCodes.Status201Created);
        api.MapGet("/list", List).Produces<PagedResult<WebsiteApiModel>>();
        api.MapGet("/get", GetByQuery).Produces<WebsiteApiModel>();
        api.MapGet("/get/{id}", GetById).Produces<WebsiteApiModel>();
        api.MapGet("/getwebsitesbygroup", ListByGroup).Produces<PagedResult<WebsiteApiModel>>();
        api.MapPost("/update", Update).AcceptsWireBody<UpdateWebsiteApiModel>().Produces<WebsiteApiModel>();
        api.MapPost("/delete", Delete).AcceptsWireBody<DeleteWebsiteApiModel>().Produces<string>();
        return api;
    }

    public static async Task<IResult> New([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<NewWebsiteApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var rootUrl = Validate(model.RootUrl, model.Name, model.Description);
        if (await Owned(s).AnyAsync(w => w.RootUrl == rootUrl, cancellationToken).ConfigureAwait(false))
        {
            throw ApiException.BadRequest($"A website with root URL '{rootUrl}' already exists.");
        }

        var website = new WebsiteEntity
        {
            Id = Guid.NewGuid(),
            UserId = s.Caller.Id,
            RootUrl = rootUrl,
            Name = model.Name!.Trim(),
            Description = model.Description,
            TechnicalContactEmail = model.TechnicalContactEmail,
            AgentMode = model.AgentMode ?? AgentMode.Cloud,
            LicenseType = model.LicenseType ?? LicenseType.Subscription,
            DefaultProtocol = rootUrl.StartsWith("https:", StringComparison.Ordinal) ? WebsiteProtocol.Https : WebsiteProtocol.Http,
            Tags = [.. model.Tags ?? []],
            CreatedAt = s.Now,
            UpdatedAt = s.Now,
            Groups = await GroupsAsync(s, model.Groups, cancellationToken).ConfigureAwait(false),
        };
        s.Db.Websites.Add(website);
        await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(ToModel(website), statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> List([AsParameters] ApiServices s, CancellationToken cancellationToken) =>
        await PageAsync(s, Owned(s), cancellationToken).ConfigureAwait(false);

    public static async Task<IResult> ListByGroup([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var query = s.RequiredQuery("query");
        var byId = Guid.TryParse(query, out var groupId);
        var group = await s.Db.WebsiteGroups.AsNoTracking()
            .FirstOrDefaultAsync(g => g.UserId == s.Caller.Id && (byId ? g.Id == groupId : g.Name == query), cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Website group '{query}' was not found.");
        return await PageAsync(s, Owned(s).Where(w => w.Groups.Any(g => g.Id == group.Id)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>By name or root URL.</summary>
    public static async Task<IResult> GetByQuery([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var query = s.RequiredQuery("query");
        var asUrl = LaunchSettingsMapper.IsHttpUrl(query) ? WebsiteUrls.Normalize(query) : null;
        var website = await Owned(s).AsNoTracking()
            .FirstOrDefaultAsync(w => w.Name == query || w.RootUrl == asUrl, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Website '{query}' was not found.");
        return TypedResults.Ok(ToModel(website));
    }

    public static async Task<IResult> GetById(string id, [AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var websiteId = ScansEndpoints.ParseId(id, "website");
        var website = await Owned(s).AsNoTracking().FirstOrDefaultAsync(w => w.Id == websiteId, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Website '{websiteId}' was not found.");
        return TypedResults.Ok(ToModel(website));
    }

    /// <summary>Matched by <c>RootUrl</c>, as the spec says; every other member is replaced.</summary>
    public static async Task<IResult> Update([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<UpdateWebsiteApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var rootUrl = Validate(model.RootUrl, model.Name, model.Description);
        var website = await Owned(s).FirstOrDefaultAsync(w => w.RootUrl == rootUrl, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Website '{rootUrl}' was not found.");
        website.Name = model.Name!.Trim();
        website.Description = model.Description;
        website.TechnicalContactEmail = model.TechnicalContactEmail;
        website.AgentMode = model.AgentMode ?? website.AgentMode;
        website.LicenseType = model.LicenseType ?? website.LicenseType;
        website.DefaultProtocol = model.DefaultProtocol ?? website.DefaultProtocol;
        website.Tags = [.. model.Tags ?? []];
        website.Groups = await GroupsAsync(s, model.Groups, cancellationToken).ConfigureAwait(false);
        website.UpdatedAt = s.Now;
        await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ToModel(website));
    }

    /// <summary>Soft delete: scans keep their website (shown with <c>WebsiteIsDeleted</c>); refused while a scan of it runs.</summary>
    public static async Task<IResult> Delete([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<DeleteWebsiteApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var rootUrl = LaunchSettingsMapper.IsHttpUrl(model.RootUrl) ? WebsiteUrls.Normalize(model.RootUrl!)
            : throw ApiException.Invalid(new Dictionary<string, string[]> { ["model.RootUrl"] = ["RootUrl must be an absolute http or https URL."] });
        var website = await Owned(s).Include(w => w.Groups).FirstOrDefaultAsync(w => w.RootUrl == rootUrl, cancellationToken).ConfigureAwait(false);
        if (website is null)
        {
            return TypedResults.Ok(nameof(WebsiteDeleteResult.NotFound));
        }

        var states = await s.Db.Scans.Where(x => x.WebsiteId == website.Id && x.DeletedAt == null).Select(x => x.State)
            .Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        if (states.Any(ScanStateRules.IsOngoing))
        {
            return TypedResults.Ok(nameof(WebsiteDeleteResult.OnGoingScanExisting));
        }

        website.DeletedAt = s.Now;
        website.Groups.Clear();
        await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(nameof(WebsiteDeleteResult.Ok));
    }

    internal static WebsiteApiModel ToModel(WebsiteEntity website) => new()
    {
        Id = website.Id,
        CreatedAt = Utc(website.CreatedAt),
        UpdatedAt = Utc(website.UpdatedAt),
        RootUrl = website.RootUrl,
        Name = website.Name,
        Description = website.Description,
        TechnicalContactEmail = website.TechnicalContactEmail,
        Groups = [.. website.Groups.Select(g => new IdNamePair { Id = g.Id, Name = g.Name })],
        // A self-hosted scanner has no ownership verification: the operator decides what it may scan.
        IsVerified = true,
        LicenseType = website.LicenseType,
        AgentMode = website.AgentMode,
        Tags = website.Tags,
    };

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static IQueryable<WebsiteEntity> Owned(ApiServices s) =>
        s.Db.Websites.Include(w => w.Groups).Where(w => w.UserId == s.Caller.Id && w.DeletedAt == null);

    private static async Task<IResult> PageAsync(ApiServices s, IQueryable<WebsiteEntity> query, CancellationToken cancellationToken)
    {
        var paging = Paging.From(s.Request);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await query.AsNoTracking().OrderBy(w => w.Name).ThenBy(w => w.RootUrl).Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(paging.Result([.. page.Select(ToModel)], total));
    }

    private static string Validate(string? rootUrl, string? name, string? description)
    {
        var errors = new ModelState();
        if (!LaunchSettingsMapper.IsHttpUrl(rootUrl))
        {
            errors.Add("RootUrl", "RootUrl must be an absolute http or https URL.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 255)
        {
            errors.Add("Name", "Name is required and at most 255 characters long.");
        }

        if (description?.Length > 255)
        {
            errors.Add("Description", "Description is at most 255 characters long.");
        }

        errors.ThrowIfInvalid();
        return WebsiteUrls.Normalize(rootUrl!);
    }

    /// <summary>The caller's groups with these names, created when missing.</summary>
    private static async Task<List<WebsiteGroupEntity>> GroupsAsync(ApiServices s, IReadOnlyList<string>? names, CancellationToken cancellationToken)
    {
        var wanted = (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct().ToList();
        if (wanted.Any(n => n.Length > 255))
        {
            throw ApiException.Invalid(new Dictionary<string, string[]> { ["model.Groups"] = ["Group names are at most 255 characters long."] });
        }

        var existing = await s.Db.WebsiteGroups.Where(g => g.UserId == s.Caller.Id && wanted.Contains(g.Name))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in wanted.Where(n => existing.All(g => g.Name != n)))
        {
            var group = new WebsiteGroupEntity { Id = Guid.NewGuid(), UserId = s.Caller.Id, Name = name, CreatedAt = s.Now, UpdatedAt = s.Now };
            s.Db.WebsiteGroups.Add(group);
            existing.Add(group);
        }

        return existing;
    }
}
