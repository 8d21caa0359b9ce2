using System.Text.Json;
using Harrier.Contracts.Models;
using Harrier.Contracts.Serialization;
using Harrier.Engine.Checks;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Harrier.Web.Authentication;
using Harrier.Web.Html;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Web.Pages;

/// <summary>
/// <c>/policies</c>: scan policies (built-in, shared and the user's own), creating one (through <c>scanpolicies/new</c>)
/// and switching its checks on and off. Check choices are stored in the Invicti shape, <c>SecurityCheckGroupParents</c>,
/// one group per engine check with <c>EngineGroup</c> = the check id.
/// </summary>
internal static class PoliciesPages
{
    public const string GroupTitle = "Harrier checks";

    public static void Map(RouteGroupBuilder ui)
    {
        ui.MapGet("/policies", List);
        ui.MapPost("/policies/new", Create);
        ui.MapGet("/policies/{id:guid}", Show);
        ui.MapPost("/policies/{id:guid}/checks", SaveChecks);
    }

    public static async Task<IResult> List(HttpContext http, HarrierDbContext db, CancellationToken cancellationToken) =>
        await RenderListAsync(http, db, null, "", "", StatusCodes.Status200OK, cancellationToken).ConfigureAwait(false);

    public static async Task<IResult> Create(HttpContext http, HarrierDbContext db, InProcessApi api, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var name = form["name"].ToString().Trim();
        var description = form["description"].ToString().Trim();
        if (name.Length == 0)
        {
            return await RenderListAsync(http, db, "Give the policy a name.", name, description, StatusCodes.Status400BadRequest, cancellationToken).ConfigureAwait(false);
        }

        var enabled = form["check"].ToHashSet(StringComparer.Ordinal);
        var model = new ScanPolicySettingApiModel { Name = name, Description = description.Length == 0 ? null : description, SecurityCheckGroupParents = Groups(enabled!) };
        var response = await api.PostJsonAsync(http, "/api/1.0/scanpolicies/new", model, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            var message = response.Errors?.SelectMany(e => e.Value).FirstOrDefault() ?? response.ErrorMessage();
            return await RenderListAsync(http, db, message, name, description, StatusCodes.Status400BadRequest, cancellationToken).ConfigureAwait(false);
        }

        return Layout.SeeOther($"/policies/{response.Read<ScanPolicySettingApiModel>().Id}?notice=saved");
    }

    public static async Task<IResult> Show(Guid id, HttpContext http, HarrierDbContext db, string? notice, CancellationToken cancellationToken)
    {
        var userId = WebSession.UserId(http.User);
        var policy = await db.ScanPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && (p.UserId == null || p.UserId == userId || p.IsShared), cancellationToken)
            .ConfigureAwait(false);
        if (policy is null)
        {
            return Layout.NotFound(http, "This scan policy");
        }

        var editable = policy.UserId == userId;
        var settings = Settings(policy);
        var enabled = EnabledChecks(settings);
        var http1 = settings.HttpRequestSettings;
        var body = Markup.Of($"""
            <nav class="crumbs" aria-label="Breadcrumb"><a href="/policies">Scan policies</a> / <span aria-current="page">{policy.Name}</span></nav>
            <h1>{policy.Name}</h1>
            {Ui.Notice(notice)}
            <p>{policy.Description ?? ""}</p>
            <section class="card"><h2>HTTP</h2>
              <dl class="facts">
                <div><dt>Concurrent connections</dt><dd>{http1?.ConcurrentConnectionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Default (10)"}</dd></div>
                <div><dt>Requests per second</dt><dd>{(http1?.RequestsPerSecond is > 0 and var r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "No limit")}</dd></div>
                <div><dt>Request timeout</dt><dd>{http1?.RequestTimeout?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Default (30)"} s</dd></div>
                <div><dt>User agent</dt><dd>{http1?.UserAgent ?? "Harrier default"}</dd></div>
              </dl>
            </section>
            <form method="post" action="/policies/{policy.Id}/checks" class="card">
              {Layout.CsrfField(http)}
              <h2>Checks</h2>
              {(editable ? Markup.Empty : Markup.Trusted("<p class=\"hint\">This policy is built in or shared by someone else, so it cannot be changed here. Create your own policy to choose checks.</p>"))}
              {Checks(enabled, editable)}
              {(editable ? Markup.Trusted("<button type=\"submit\" class=\"primary\">Save checks</button>") : Markup.Empty)}
            </form>
            """);
        return Layout.Page(http, policy.Name, "policies", body);
    }

    public static async Task<IResult> SaveChecks(Guid id, HttpContext http, HarrierDbContext db, CancellationToken cancellationToken)
    {
        var userId = WebSession.UserId(http.User);
        var policy = await db.ScanPolicies.FirstOrDefaultAsync(p => p.Id == id && p.UserId == userId, cancellationToken).ConfigureAwait(false);
        if (policy is null)
        {
            return Layout.NotFound(http, "This scan policy (of yours)");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var enabled = form["check"].ToHashSet(StringComparer.Ordinal);
        policy.SettingsJson = JsonSerializer.Serialize(Settings(policy) with { SecurityCheckGroupParents = Groups(enabled!) }, InvictiJson.Options);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Layout.SeeOther($"/policies/{id}?notice=saved");
    }

    /// <summary>The ids of the checks a policy runs: every check enabled by default, unless its groups switch checks off or on.</summary>
    internal static HashSet<string> EnabledChecks(ScanPolicySettingApiModel settings)
    {
        var all = CheckCatalog.All.Where(c => c.EnabledByDefault).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var group in settings.SecurityCheckGroupParents?.SelectMany(p => p.SecurityCheckGroups ?? []) ?? [])
        {
            if (group.EngineGroup is { } checkId && group.Enabled == false)
            {
                all.Remove(checkId);
            }
            else if (group.EngineGroup is { } onId && group.Enabled == true && CheckCatalog.All.Any(c => c.Id == onId))
            {
                all.Add(onId);
            }
        }

        return all;
    }

    internal static IReadOnlyList<SecurityCheckGroupParentModel> Groups(ISet<string> enabled) =>
    [
        new SecurityCheckGroupParentModel
        {
            Title = GroupTitle,
            SecurityCheckGroups = [.. CheckCatalog.All.Select(c => new SecurityCheckGroupModel
            {
                Name = c.Name,
                EngineGroup = c.Id,
                Type = c.Kind.ToString(),
                Description = c.Description,
                Enabled = enabled.Contains(c.Id),
            })],
        },
    ];

    private static ScanPolicySettingApiModel Settings(ScanPolicyEntity policy) =>
        JsonSerializer.Deserialize<ScanPolicySettingApiModel>(policy.SettingsJson, InvictiJson.Options) ?? new();

    private static Markup Checks(HashSet<string> enabled, bool editable) => Markup.Of($"""
        {CheckCatalog.All.GroupBy(c => c.Kind).Select(g => Markup.Of($"""
            <fieldset><legend>{g.Key} checks</legend><div class="checks">
            {g.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => Markup.Of($"<label class=\"check\"><input type=\"checkbox\" name=\"check\" value=\"{c.Id}\"{(enabled.Contains(c.Id) ? Markup.Trusted(" checked") : Markup.Empty)}{(editable ? Markup.Empty : Markup.Trusted(" disabled"))}> <span>{c.Name} {Ui.SeverityBadge(c.Severity)}<span class=\"sub\">{c.Id}</span></span></label>"))}
            </div></fieldset>
            """))}
        """);

    private static async Task<IResult> RenderListAsync(HttpContext http, HarrierDbContext db, string? error, string name, string description, int status,
        CancellationToken cancellationToken)
    {
        var userId = WebSession.UserId(http.User);
        var policies = await db.ScanPolicies.AsNoTracking().Where(p => p.UserId == null || p.UserId == userId || p.IsShared)
            .OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        var body = Markup.Of($"""
            <h1>Scan policies</h1>
            <table>
              <thead><tr><th scope="col">Name</th><th scope="col">Owner</th><th scope="col">Checks</th></tr></thead>
              <tbody>{policies.Select(p => Markup.Of($"<tr><td><a href=\"/policies/{p.Id}\">{p.Name}</a>{(p.IsDefault ? Markup.Trusted(" <span class=\"sub\">Default</span>") : Markup.Empty)}</td><td>{(p.UserId is null ? "Built in" : p.UserId == userId ? "You" : "Shared")}</td><td>{EnabledChecks(Settings(p)).Count} of {CheckCatalog.All.Count}</td></tr>"))}</tbody>
            </table>
            <form method="post" action="/policies/new" class="card" id="new-policy">
              {Layout.CsrfField(http)}
              <h2>New policy</h2>
              {(error is null ? Markup.Empty : Markup.Of($"<p class=\"notice error\" role=\"alert\" id=\"policy-error\">{error}</p>"))}
              <div class="row">
                <div class="field"><label for="name">Name</label><input id="name" name="name" required maxlength="100" value="{name}"{(error is null ? Markup.Empty : Markup.Trusted(" aria-invalid=\"true\" aria-describedby=\"policy-error\""))}></div>
                <div class="field"><label for="description">Description</label><input id="description" name="description" value="{description}"></div>
              </div>
              {Checks(CheckCatalog.All.Where(c => c.EnabledByDefault).Select(c => c.Id).ToHashSet(StringComparer.Ordinal), editable: true)}
              <button type="submit" class="primary">Create policy</button>
            </form>
            """);
        return Layout.Page(http, "Scan policies", "policies", body, status);
    }
}
