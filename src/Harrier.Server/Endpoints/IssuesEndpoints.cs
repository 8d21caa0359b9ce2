using System.Text.Json;
using Harrier.Contracts;
using Harrier.Contracts.Models;
using Harrier.Contracts.Serialization;
using Harrier.Core.Issues;
using Harrier.Core.Scans;
using Harrier.Engine.Checks;
using Harrier.Reports.Csv;
using Harrier.Server.Http;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

/// <summary>
/// <c>/api/1.0/issues/*</c> (contract §5.5): the caller's issues tracked across scans (docs/issues.md). Another user's
/// issue is a 404, exactly like one that does not exist.
/// </summary>
internal static class IssuesEndpoints
{
    /// <summary>The contract's <c>IntegrationType</c> names: accepted by <c>allissues</c>, which then lists nothing (Harrier has no integrations).</summary>
    private static readonly string[] s_integrations =
    [
        "Jira", "GitHub", "TFS", "FogBugz", "ServiceNow", "Slack", "GitLab", "Bitbucket", "Unfuddle", "Zapier", "AzureDevOps", "Redmine",
        "Bugzilla", "Kafka", "PagerDuty", "MicrosoftTeams", "Clubhouse", "Trello", "Asana", "Webhook", "Kenna", "Freshservice", "YouTrack",
        "NetsparkerEnterprise", "Splunk", "Mattermost", "Hashicorp", "PivotalTracker", "CyberArk", "DefectDojo", "JazzTeam", "AzureKeyVault",
        "ServiceNowVRM",
    ];

    private static readonly Dictionary<string, CheckMetadata> s_checks = CheckCatalog.All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    private static readonly IssueState[] s_open = [.. Enum.GetValues<IssueState>().Where(IssueRules.IsOpen)];
    private static readonly IssueState[] s_addressed = [.. Enum.GetValues<IssueState>().Where(IssueRules.IsAddressed)];
    private static readonly IssueState[] s_waitingForRetest = [.. Enum.GetValues<IssueState>().Where(IssueRules.IsWaitingForRetest)];

    private const int MaxNoteLength = 4000;
    private const int MaxTags = 50;
    private const int MaxTagLength = 100;

    public static RouteGroupBuilder MapIssuesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/1.0/issues").RequireAuthorization().WithTags("Issues");
        api.MapGet("/allissues", All).Produces<PagedResult<IssueApiModel>>();
        api.MapGet("/todo", Todo).Produces<PagedResult<IssueApiModel>>();
        api.MapGet("/waitingforretest", WaitingForRetest).Produces<PagedResult<IssueApiModel>>();
        api.MapGet("/addressedissues", Addressed).Produces<PagedResult<IssueApiModel>>();
        api.MapGet("/get/{id}", Get).Produces<AllIssuesApiModel>().Produces<ApiError>(StatusCodes.Status404NotFound);
        api.MapGet("/report", Report).Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);
        api.MapPost("/update", Update).AcceptsWireBody<IssueApiUpdateModel>().Produces<AllIssuesApiModel>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary><c>allissues</c>: every issue, oldest last-seen first unless <c>sortType=Descending</c>.</summary>
    public static async Task<IResult> All([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var query = Filtered(s, states: null);
        var descending = ScansEndpoints.OptionalEnum<SortDirection>(s.Request, "sortType") == SortDirection.Descending;
        if (s.Request.Query["lastSeenDate"].ToString() is { Length: > 0 } text)
        {
            var since = s.Caller.ParseLocal(text)
                ?? throw ApiException.BadRequest($"'lastSeenDate' is not a date in your account's format ({s.Caller.DateFormat}).");
            query = query.Where(i => i.LastSeenAt >= since);
        }

        var raw = s.Request.Query["rawDetails"].ToString().Trim();
        if (raw.Length > 0 && !bool.TryParse(raw, out _))
        {
            throw ApiException.BadRequest($"'rawDetails' must be true or false, not '{raw}'.");
        }

        if (s.Request.Query["integration"].ToString() is { Length: > 0 } integration)
        {
            _ = s_integrations.FirstOrDefault(n => n.Equals(integration.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw ApiException.BadRequest($"'{integration}' is not a valid integration. Valid values: {string.Join(", ", s_integrations)}.");
            query = query.Where(_ => false);
        }

        var ordered = descending
            ? query.OrderByDescending(i => i.LastSeenAt).ThenBy(i => i.Id)
            : query.OrderBy(i => i.LastSeenAt).ThenBy(i => i.Id);
        return await PageAsync(s, ordered, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Open issues: Present or Revived.</summary>
    public static Task<IResult> Todo([AsParameters] ApiServices s, CancellationToken cancellationToken) => ListAsync(s, s_open, cancellationToken);

    /// <summary>Marked fixed, not confirmed by a retest yet.</summary>
    public static Task<IResult> WaitingForRetest([AsParameters] ApiServices s, CancellationToken cancellationToken) =>
        ListAsync(s, s_waitingForRetest, cancellationToken);

    /// <summary>Fixed, ignored, accepted risk or false positive.</summary>
    public static Task<IResult> Addressed([AsParameters] ApiServices s, CancellationToken cancellationToken) =>
        ListAsync(s, s_addressed, cancellationToken);

    private static Task<IResult> ListAsync(ApiServices s, IssueState[] states, CancellationToken cancellationToken) =>
        PageAsync(s, Filtered(s, states).OrderByDescending(i => i.LastSeenAt).ThenBy(i => i.Id), cancellationToken);

    public static async Task<IResult> Get(string id, [AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var issueId = ScansEndpoints.ParseId(id, "issue");
        var issue = await Owned(s).AsNoTracking().FirstOrDefaultAsync(i => i.Id == issueId, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(issueId);
        return TypedResults.Ok(await DetailAsync(s, issue, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// <c>GET /issues/report</c>: the filtered issues as CSV (<c>csvSeparator</c> Comma, Semicolon, Pipe or Tab), last seen
    /// newest first; <c>startDate</c>/<c>endDate</c> (the caller's format) bound the last-seen time. A named website or group
    /// the caller does not have is a 404.
    /// </summary>
    public static async Task<IResult> Report([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var separator = (s.Request.Query["csvSeparator"].ToString().Trim().ToUpperInvariant()) switch
        {
            "" or "COMMA" => ',',
            "SEMICOLON" => ';',
            "PIPE" => '|',
            "TAB" => '\t',
            var other => throw ApiException.BadRequest($"'{other}' is not a valid csvSeparator. Valid values: Comma, Semicolon, Pipe, Tab."),
        };
        DateTime? Date(string name) => s.Request.Query[name].ToString() is { Length: > 0 } text
            ? s.Caller.ParseLocal(text) ?? throw ApiException.BadRequest($"'{name}' is not a date in your account's format ({s.Caller.DateFormat}).")
            : null;
        var (start, end) = (Date("startDate"), Date("endDate"));
        if (start > end)
        {
            throw ApiException.BadRequest("'startDate' must not be after 'endDate'.");
        }

        var websites = s.Db.Websites.AsNoTracking().Where(w => w.UserId == s.Caller.Id && w.DeletedAt == null);
        if (s.Request.Query["webSiteName"].ToString().Trim() is { Length: > 0 } name
            && !await websites.AnyAsync(w => w.Name == name, cancellationToken).ConfigureAwait(false))
        {
            throw ApiException.NotFound($"Website '{name}' was not found.");
        }

        if (s.Request.Query["websiteGroupName"].ToString().Trim() is { Length: > 0 } group
            && !await s.Db.WebsiteGroups.AnyAsync(g => g.UserId == s.Caller.Id && g.Name == group, cancellationToken).ConfigureAwait(false))
        {
            throw ApiException.NotFound($"Website group '{group}' was not found.");
        }

        var issues = await Filtered(s, states: null).Where(i => (start == null || i.LastSeenAt >= start) && (end == null || i.LastSeenAt <= end))
            .OrderByDescending(i => i.LastSeenAt).ThenBy(i => i.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var websiteIds = issues.Select(i => i.WebsiteId).Distinct().ToList();
        var names = await websites.Where(w => websiteIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken).ConfigureAwait(false);
        IEnumerable<IEnumerable<string?>> rows =
        [
            ["Id", "Website", "Url", "Type", "Title", "Severity", "State", "Method", "Parameter", "First Seen", "Last Seen", "Fixed", "Tags"],
            .. issues.Select(i => (IEnumerable<string?>)
            [
                i.Id.ToString(), names.GetValueOrDefault(i.WebsiteId), i.Url, i.Type, i.Title, i.Severity.ToString(), i.State.ToString(), i.Method,
                i.Parameter, s.Caller.FormatDateTime(i.FirstSeenAt), s.Caller.FormatDateTime(i.LastSeenAt),
                i.FixedAt is { } fixedAt && IssueRules.IsFixed(i.State) ? s.Caller.FormatDateTime(fixedAt) : null, string.Join(" ", i.Tags),
            ]),
        ];
        using var buffer = new MemoryStream();
        CsvTable.Write(buffer, separator, rows);
        return TypedResults.Bytes(buffer.ToArray(), "text/csv; charset=utf-8", "harrier-issues.csv");
    }

    /// <summary>
    /// <c>POST /issues/update</c>: state (or <c>Default</c> to reset), assignee, note and tags; every member is checked before
    /// anything is stored, and each update is one history entry.
    /// </summary>
    public static async Task<IResult> Update([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var model = await WireBody.ReadAsync<IssueApiUpdateModel>(s.Request, cancellationToken).ConfigureAwait(false);
        var (state, tags) = Validate(s, model);
        var issue = await Owned(s).FirstOrDefaultAsync(i => i.Id == model.IssueId, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(model.IssueId!.Value);

        var messages = new List<string>();
        var from = issue.State;
        if (state is { } to && to != issue.State)
        {
            issue.State = to;
            if (IssueRules.IsWaitingForRetest(to))
            {
                issue.FixedAt = s.Now;
                issue.FixedInScanId = null;
            }

            messages.Add($"State changed from {from} to {to}.");
        }

        if (model.AssigneeId is { } assignee)
        {
            issue.AssigneeId = assignee == Guid.Empty ? null : assignee;
            messages.Add(assignee == Guid.Empty ? "Unassigned." : $"Assigned to {s.Caller.Name}.");
        }

        if (tags is not null)
        {
            issue.Tags = tags;
            messages.Add(tags.Count == 0 ? "Tags cleared." : "Tags set: " + string.Join(", ", tags) + ".");
        }

        var note = string.IsNullOrWhiteSpace(model.Note) ? null : model.Note.Trim();
        if (messages.Count > 0 || note is not null)
        {
            issue.UpdatedAt = s.Now;
            s.Db.IssueHistory.Add(new IssueHistoryEntity
            {
                Id = Guid.NewGuid(),
                IssueId = issue.Id,
                At = s.Now,
                UserId = s.Caller.Id,
                Owner = s.Caller.Name,
                FromState = from,
                ToState = issue.State,
                Message = messages.Count == 0 ? "Note added." : string.Join(" ", messages),
                Note = note,
            });
            await s.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Ok(await DetailAsync(s, issue, cancellationToken).ConfigureAwait(false));
    }

    private static (IssueState? State, List<string>? Tags) Validate(ApiServices s, IssueApiUpdateModel model)
    {
        var errors = new ModelState();
        if (model.IssueId is null || model.IssueId == Guid.Empty)
        {
            errors.Add("IssueId", "IssueId is required.");
        }

        if (model.State is null && model.AssigneeId is null && model.Note is null && model.Tags is null)
        {
            errors.Add("State", "Send at least one of State, AssigneeId, Note or Tags with IssueId.");
        }

        IssueState? state = null;
        if (model.State is { } text)
        {
            if (text.Trim().Equals("Default", StringComparison.OrdinalIgnoreCase))
            {
                state = IssueRules.Default;
            }
            else if (EnumNames.TryParse<IssueState>(text, out var parsed) && IssueRules.IsSettableByUser(parsed))
            {
                state = parsed;
            }
            else
            {
                var allowed = Enum.GetValues<IssueState>().Where(IssueRules.IsSettableByUser).Select(v => v.ToString()).Append("Default");
                errors.Add("State", $"'{text}' is not a state you can set. Valid values: {string.Join(", ", allowed)}.");
            }
        }

        // Harrier accounts have no team members: an issue can be assigned to its owner, or unassigned with the empty GUID.
        if (model.AssigneeId is { } assignee && assignee != Guid.Empty && assignee != s.Caller.Id)
        {
            errors.Add("AssigneeId", $"'{assignee}' is not a member of your account.");
        }

        if (model.Note?.Length > MaxNoteLength)
        {
            errors.Add("Note", $"Note is at most {MaxNoteLength} characters long.");
        }

        List<string>? tags = null;
        if (model.Tags is { } given)
        {
            tags = [.. given.Select(t => t?.Trim() ?? "").Distinct(StringComparer.Ordinal)];
            if (tags.Count > MaxTags || tags.Any(t => t.Length is 0 or > MaxTagLength))
            {
                errors.Add("Tags", $"At most {MaxTags} tags, each 1 to {MaxTagLength} characters long.");
            }
        }

        errors.ThrowIfInvalid();
        return (state, tags);
    }

    private static ApiException NotFound(Guid id) => ApiException.NotFound($"Issue '{id}' was not found.");

    private static IQueryable<IssueEntity> Owned(ApiServices s) => s.Db.Issues.Where(i => i.UserId == s.Caller.Id);

    /// <summary>The caller's issues of live websites, with the lists' common filters: severity, website name, website group name.</summary>
    private static IQueryable<IssueEntity> Filtered(ApiServices s, IssueState[]? states)
    {
        var severity = ScansEndpoints.OptionalEnum<Severity>(s.Request, "severity");
        var websites = s.Db.Websites.Where(w => w.UserId == s.Caller.Id && w.DeletedAt == null);
        if (s.Request.Query["webSiteName"].ToString().Trim() is { Length: > 0 } name)
        {
            websites = websites.Where(w => w.Name == name);
        }

        if (s.Request.Query["websiteGroupName"].ToString().Trim() is { Length: > 0 } group)
        {
            websites = websites.Where(w => w.Groups.Any(g => g.Name == group));
        }

        var query = Owned(s).AsNoTracking().Where(i => websites.Any(w => w.Id == i.WebsiteId));
        if (severity is { } level)
        {
            query = query.Where(i => i.Severity == level);
        }

        return states is null ? query : query.Where(i => states.Contains(i.State));
    }

    private static async Task<IResult> PageAsync(ApiServices s, IQueryable<IssueEntity> query, CancellationToken cancellationToken)
    {
        var paging = Paging.From(s.Request);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await query.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        var models = await ToModelsAsync(s, page, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(paging.Result(models, total));
    }

    /// <summary><c>AllIssuesApiModel</c>: the list item's members plus the revived and fix-confirmed dates.</summary>
    private static async Task<AllIssuesApiModel> DetailAsync(ApiServices s, IssueEntity issue, CancellationToken cancellationToken)
    {
        var item = (await ToModelsAsync(s, [issue], cancellationToken).ConfigureAwait(false))[0];
        // The two models share every other member, so copy them through their common JSON shape.
        var detail = JsonSerializer.SerializeToElement(item, InvictiJson.Options).Deserialize<AllIssuesApiModel>(InvictiJson.Options)!;
        return detail with
        {
            LastRevivedDate = issue.LastRevivedAt is { } revived ? s.Caller.FormatDateTime(revived) : null,
            StateFixedConfirmedDate = issue.FixedConfirmedAt is { } confirmed ? s.Caller.FormatDateTime(confirmed) : null,
        };
    }

    /// <summary>A page of issues with their websites, latest findings and histories: one query per kind.</summary>
    private static async Task<IReadOnlyList<IssueApiModel>> ToModelsAsync(ApiServices s, IReadOnlyList<IssueEntity> issues, CancellationToken cancellationToken)
    {
        var websiteIds = issues.Select(i => i.WebsiteId).Distinct().ToList();
        var vulnerabilityIds = issues.Select(i => i.LatestVulnerabilityId).ToList();
        var issueIds = issues.Select(i => i.Id).ToList();
        var websites = await s.Db.Websites.AsNoTracking().Where(w => websiteIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, cancellationToken).ConfigureAwait(false);
        var findings = await s.Db.Vulnerabilities.AsNoTracking().Where(v => vulnerabilityIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, cancellationToken).ConfigureAwait(false);
        var history = (await s.Db.IssueHistory.AsNoTracking().Where(h => issueIds.Contains(h.IssueId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(h => h.IssueId);
        return [.. issues.Select(issue =>
        {
            websites.TryGetValue(issue.WebsiteId, out var website);
            findings.TryGetValue(issue.LatestVulnerabilityId, out var finding);
            return ToModel(s, issue, website, finding, [.. history[issue.Id].OrderBy(h => h.At)]);
        })];
    }

    private static IssueApiModel ToModel(
        ApiServices s, IssueEntity issue, WebsiteEntity? website, VulnerabilityEntity? finding, IReadOnlyList<IssueHistoryEntity> history)
    {
        s_checks.TryGetValue(issue.CheckId, out var check);
        var references = check is null ? "" : string.Join("\n", check.References.Select(r => r.AbsoluteUri));
        return new IssueApiModel
        {
            AssigneeName = issue.AssigneeId == s.Caller.Id ? s.Caller.Name : null,
            FirstSeenDate = s.Caller.FormatDateTime(issue.FirstSeenAt),
            Id = issue.Id,
            IsAddressed = IssueRules.IsAddressed(issue.State),
            IsDetectedByShark = false,
            IsPresent = IssueRules.IsOpen(issue.State),
            LastSeenDate = s.Caller.FormatDateTime(issue.LastSeenAt),
            UpdatedDate = s.Caller.FormatDateTime(issue.UpdatedAt),
            Severity = issue.Severity,
            State = issue.State.ToString(),
            Title = issue.Title,
            Url = issue.Url,
            LatestVulnerabilityIsConfirmed = issue.IsConfirmed,
            WebsiteId = issue.WebsiteId,
            WebsiteName = website?.Name,
            WebsiteRootUrl = website?.RootUrl,
            FixTimeInMinutes = issue.FixedAt is { } fixedAt && IssueRules.IsFixed(issue.State) ? (int)Math.Max(0, (fixedAt - issue.FirstSeenAt).TotalMinutes) : 0,
            Certainty = issue.Certainty,
            Parameters = issue.Parameter is null ? [] :
            [
                new IssueRequestContentParametersApiModel { Name = issue.Parameter, Value = finding?.Payload, TypeName = finding?.ParameterLocation },
            ],
            VulnerabilityDetail = check?.Description,
            Impact = check?.Impact,
            Remedy = check?.Remediation,
            RemedyReferences = references,
            ExternalReferences = references,
            ProofOfConcept = finding?.Proof,
            CustomFields = [],
            ClassificationLinks = finding?.Cwe is { } cwe && cwe.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase)
                ? [$"https://cwe.mitre.org/data/definitions/{cwe[4..]}.html"] : [],
            Type = issue.Type,
            VersionIssues = [],
            IsRetest = IssueRules.IsWaitingForRetest(issue.State),
            IsTodo = IssueRules.IsOpen(issue.State),
            LatestScanId = issue.LastSeenScanId,
            History = [.. history.Select(h => new IssueHistoryApiModel
            {
                Message = h.Message,
                Note = h.Note,
                Owner = h.Owner,
                Date = s.Caller.FormatDateTime(h.At),
            })],
            Tags = issue.Tags,
        };
    }
}
