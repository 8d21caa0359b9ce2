using System.Text.Json;
using Harrier.Contracts;
using Harrier.Contracts.Models;
using Harrier.Contracts.Serialization;
using Harrier.Server.Http;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

/// <summary>
/// <c>/api/1.0/scanpolicies/*</c> (contract §5.2). A policy's engine settings are stored as the caller sent them and
/// echoed back; the scanner reads the members it understands (<c>HttpRequestSettings</c>, <c>SecurityCheckGroupParents</c>).
/// </summary>
internal static class ScanPoliciesEndpoints
{
    public const int MaxNameLength = 100;

    public static RouteGroupBuilder MapScanPoliciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/1.0/scanpolicies").RequireAuthorization().WithTags("ScanPolicies");
        api.MapGet("/list", List).Produces<PagedResult<ScanPolicySettingItemApiModel>>();
        api.MapGet("/get", GetByName).Produces<ScanPolicySettingApiModel>();
        api.MapGet("/get/{id}", GetById).Produces<ScanPolicySettingApiModel>();
        api.MapPost("/new", New).AcceptsWireBody<ScanPolicySettingApiModel>().Produces<ScanPolicySettingApiModel>(StatusCodes.Status201Created);
        return api;
    }

    public static async Task<IResult> List([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var paging = Paging.From(s.Request);
        var query = Visible(s);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await query.OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name).Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(paging.Result([.. page.Select(p => new ScanPolicySettingItemApiModel
        {
            Description = p.Description,
            Groups = [],
            Id = p.Id,
            IsDefault = p.IsDefault,
            IsShared = p.IsShared,
            Name = p.Name,
            OptimizerOptions = null,
            IsAccountDefault = p.IsDefault,
            NameWithAccessModifier = p.IsShared ? p.Name + " (Shared)" : p.Name + " (Private)",
        })], total));
    }

    public static async Task<IResult> GetByName([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var name = s.RequiredQuery("name");
        var policy = await Visible(s).OrderByDescending(p => p.UserId == s.Caller.Id).FirstOrDefaultAsync(p => p.Name == name, cancellationToken)
            .ConfigureAwait(false) ?? throw ApiException.NotFound($"Scan policy '{name}' was not found.");
        return TypedResults.Ok(ToModel(policy));
    }

    public static async Task<IResult> GetById(string id, [AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var policyId = ScansEndpoints.ParseId(id, "scan policy");
        var policy = await Visible(s).FirstOrDefaultAsync(p => p.Id == policyId, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"Scan policy '{policyId}' was not found.");
        return TypedResults.Ok(ToModel(policy));
    }

    public static async Task<IResult> New([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<ScanPolicySettingApiModel>(s.Request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(model.Name) || model.Name.Length > MaxNameLength)
        {
            throw ApiException.Invalid(new Dictionary<string, string[]> { ["model.Name"] = [$"Name is required and at most {MaxNameLength} characters long."] });
        }

        var name = model.Name.Trim();
        if (await Visible(s).AnyAsync(p => p.Name == name, cancellationToken).ConfigureAwait(false))
        {
            throw ApiException.BadRequest($"A scan policy named '{name}' already exists.");
        }

        var policy = new ScanPolicyEntity
        {
            Id = Guid.NewGuid(),
            UserId = s.Caller.Id,
            Name = name,
            Description = model.Description,
            IsShared = model.IsShared ?? false,
            SettingsJson = JsonSerializer.Serialize(model with { Id = null, Name = null, Description = null, IsShared = null }, InvictiJson.Options),
            CreatedAt = s.Now,
        };
        s.Db.ScanPolicies.Add(policy);
        await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(ToModel(policy), statusCode: StatusCodes.Status201Created);
    }

    internal static ScanPolicySettingApiModel ToModel(ScanPolicyEntity policy)
    {
        var settings = JsonSerializer.Deserialize<ScanPolicySettingApiModel>(policy.SettingsJson, InvictiJson.Options) ?? new();
        return settings with
        {
            Id = policy.Id,
            Name = policy.Name,
            Description = policy.Description,
            IsShared = policy.IsShared,
            IsAccountDefault = policy.IsDefault,
            FromApi = policy.UserId is not null,
            HttpRequestSettings = settings.HttpRequestSettings ?? DefaultHttpRequestSettings,
        };
    }

    /// <summary>What a policy that says nothing about HTTP gets: polite enough for production sites.</summary>
    internal static HttpRequestSettingModel DefaultHttpRequestSettings { get; } = new()
    {
        EnableCookies = true,
        EnableGzipAndDeflate = true,
        HttpKeepAlive = true,
        RequestsPerSecond = 0,
        ConcurrentConnectionCount = 10,
        RequestTimeout = 20,
        ConnectionTimeout = 10,
        UserAgent = "Mozilla/5.0 (compatible; Harrier/1.0; +https://github.com/harrier-scanner/harrier)",
    };

    private static IQueryable<ScanPolicyEntity> Visible(ApiServices s) =>
        s.Db.ScanPolicies.AsNoTracking().Where(p => p.UserId == null || p.UserId == s.Caller.Id || p.IsShared);
}
