using Harrier.Contracts;
using Harrier.Contracts.Models;
using Harrier.Server.Http;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

/// <summary><c>/api/1.0/websitegroups/*</c>.</summary>
internal static class WebsiteGroupsEndpoints
{
    public static RouteGroupBuilder MapWebsiteGroupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/1.0/websitegroups").RequireAuthorization().WithTags("WebsiteGroups");
        api.MapPost("/new", New).AcceptsWireBody<NewWebsiteGroupApiModel>().Produces<WebsiteGroupApiModel>(StatusCodes.Status201Created);
        api.MapGet("/list", List).Produces<PagedResult<WebsiteGroupApiModel>>();
        api.MapGet("/get", GetByQuery).Produces<WebsiteGroupApiModel>();
        api.MapGet("/get/{id}", GetById).Produces<WebsiteGroupApiModel>();
        api.MapPost("/update", Update).AcceptsWireBody<UpdateWebsiteGroupApiModel>().Produces<WebsiteGroupApiModel>();
        api.MapPost("/delete", DeleteByName).AcceptsWireBody<DeleteWebsiteGroupApiModel>().Produces<DeleteWebsiteGroupResponse>();
        api.MapPost("/delete/{id}", DeleteById).Produces<DeleteWebsiteGroupResponse>();
        return api;
    }

    public static async Task<IResult> New([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<NewWebsiteGroupApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var name = ValidateName(model.Name, model.Description);
        if (await Owned(s).AnyAsync(g => g.Name == name, cancellationToken).ConfigureAwait(false))
        {
            throw ApiException.BadRequest($"A website group named '{name}' already exists.");
        }

        var group = new WebsiteGroupEntity
        {
            Id = Guid.NewGuid(), UserId = s.Caller.Id, Name = name, Description = model.Description,
            Tags = [.. model.Tags ?? []], CreatedAt = s.Now, UpdatedAt = s.Now,
        };
        s.Db.WebsiteGroups.Add(group);
        await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(ToModel(group), statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> List([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var paging = Paging.From(s.Request);
        var query = Owned(s).AsNoTracking();
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await query.OrderBy(g => g.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(paging.Result([.. page.Select(ToModel)], total));
    }

    /// <summary>By name or id.</summary>
    public static async Task<IResult> GetByQuery([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var query = s.RequiredQuery("query");
        var byId = Guid.TryParse(query, out var id);
        var group = await Owned(s).AsNoTracking().FirstOrDefaultAsync(g => byId ? g.Id == id : g.Name == query, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Website group '{query}' was not found.");
        return TypedResults.Ok(ToModel(group));
    }

    public static async Task<IResult> GetById(string id, [AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var groupId = ScansEndpoints.ParseId(id, "website group");
        var group = await Owned(s).AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Website group '{groupId}' was not found.");
        return TypedResults.Ok(ToModel(group));
    }

    public static async Task<IResult> Update([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<UpdateWebsiteGroupApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var name = ValidateName(model.Name, model.Description);
        var group = await Owned(s).FirstOrDefaultAsync(g => g.Id == model.Id, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Website group '{model.Id}' was not found.");
        if (await Owned(s).AnyAsync(g => g.Name == name && g.Id != group.Id, cancellationToken).ConfigureAwait(false))
        {
            throw ApiException.BadRequest($"A website group named '{name}' already exists.");
        }

        group.Name = name;
        group.Description = model.Description;
        group.Tags = [.. model.Tags ?? []];
        group.UpdatedAt = s.Now;
        await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ToModel(group));
    }

    public static async Task<IResult> DeleteByName([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<DeleteWebsiteGroupApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var group = await Owned(s).FirstOrDefaultAsync(g => g.Name == model.Name, cancellationToken).ConfigureAwait(false);
        return await DeleteAsync(s, group, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IResult> DeleteById(string id, [AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var groupId = ScansEndpoints.ParseId(id, "website group");
        var group = await Owned(s).FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken).ConfigureAwait(false);
        return await DeleteAsync(s, group, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> DeleteAsync(ApiServices s, WebsiteGroupEntity? group, CancellationToken cancellationToken)
    {
        if (group is null)
        {
            return TypedResults.Ok(new DeleteWebsiteGroupResponse { Result = "NotFound", Message = "The website group was not found." });
        }

        if (group.Websites.Any(w => w.DeletedAt is null))
        {
            return TypedResults.Ok(new DeleteWebsiteGroupResponse
            {
                Result = "WebsitesExisting",
                Message = "Remove the websites from the group before deleting it.",
            });
        }

        s.Db.WebsiteGroups.Remove(group);
        await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DeleteWebsiteGroupResponse { Result = "Ok", Message = "The website group was deleted." });
    }

    private static WebsiteGroupApiModel ToModel(WebsiteGroupEntity group) => new()
    {
        TotalWebsites = group.Websites.Count(w => w.DeletedAt is null),
        CreatedAt = WebsitesEndpoints.Utc(group.CreatedAt),
        UpdatedAt = WebsitesEndpoints.Utc(group.UpdatedAt),
        Id = group.Id,
        Name = group.Name,
        Description = group.Description,
        Tags = group.Tags,
    };

    private static IQueryable<WebsiteGroupEntity> Owned(ApiServices s) =>
        s.Db.WebsiteGroups.Include(g => g.Websites).Where(g => g.UserId == s.Caller.Id);

    private static string ValidateName(string? name, string? description)
    {
        var errors = new ModelState();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 255)
        {
            errors.Add("Name", "Name is required and at most 255 characters long.");
        }

        if (description?.Length > 255)
        {
            errors.Add("Description", "Description is at most 255 characters long.");
        }

        errors.ThrowIfInvalid();
        return name!.Trim();
    }
}
