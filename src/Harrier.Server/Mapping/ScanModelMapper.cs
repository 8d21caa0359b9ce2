using System.Globalization;
using System.Text.Json;
using Harrier.Contracts.Models;
using Harrier.Contracts.Serialization;
using Harrier.Core.Issues;
using Harrier.Core.Scans;
using Harrier.Server.Authentication;
using Harrier.Server.Scans;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Mapping;

/// <summary>
/// Builds Invicti <c>ScanTaskModel</c>s. What a page of scans refers to (websites with their website-wide figures,
/// policies, profiles) is loaded once per distinct id, never per scan, with compiled queries: every launch answers with
/// a model, so this is on the hot path of <c>newfromscan</c> as well as of <c>detail</c> and the lists.
/// </summary>
internal sealed class ScanModelMapper(HarrierDbContext db, TimeProvider time, LaunchTimeEstimator launchTimes)
{
    /// <summary>
    /// A website with its website-wide figures: its most recently completed full scan (ties broken by launch time, then
    /// id; the end of the (WebsiteId, State, DeletedAt, FinishedAt) index), whether any of its scans was applied to issues,
    /// and whether others are queued (counted up to two). Each figure is an indexed subquery that stops early, so models
    /// do not slow down as a website's history grows (DeletedAt first in the order: see the queue index in HarrierDbContext).
    /// </summary>
    private static readonly Func<HarrierDbContext, Guid, CancellationToken, Task<WebsiteFigures?>> s_websiteFigures = EF.CompileAsyncQuery(
        (HarrierDbContext db, Guid websiteId, CancellationToken _) => db.Websites.AsNoTracking().Where(w => w.Id == websiteId)
            .Select(w => new WebsiteFigures(
                w,
                w.Groups.Select(g => g.Id).ToList(),
                db.Scans.Where(s => s.WebsiteId == w.Id && s.State == ScanTaskState.Complete && s.ScanType == ScanType.Full && s.DeletedAt == null)
                    .OrderByDescending(s => s.DeletedAt).ThenByDescending(s => s.FinishedAt).ThenByDescending(s => s.InitiatedAt).ThenByDescending(s => s.Id)
                    .Select(s => (Guid?)s.Id).FirstOrDefault(),
                db.Scans.Any(s => s.WebsiteId == w.Id && s.IssuesAppliedAt != null),
                db.Scans.Where(s => s.WebsiteId == w.Id && s.State == ScanTaskState.Queued && s.DeletedAt == null).Take(2).Count()))
            .FirstOrDefault());

    private static readonly Func<HarrierDbContext, Guid, CancellationToken, Task<ScanPolicyEntity?>> s_policy = EF.CompileAsyncQuery(
        (HarrierDbContext db, Guid id, CancellationToken _) => db.ScanPolicies.AsNoTracking().FirstOrDefault(p => p.Id == id));

    private static readonly Func<HarrierDbContext, Guid, CancellationToken, Task<ReportPolicyEntity?>> s_reportPolicy = EF.CompileAsyncQuery(
        (HarrierDbContext db, Guid id, CancellationToken _) => db.ReportPolicies.AsNoTracking().FirstOrDefault(p => p.Id == id));

    private static readonly Func<HarrierDbContext, Guid, CancellationToken, Task<ScanProfileEntity?>> s_profile = EF.CompileAsyncQuery(
        (HarrierDbContext db, Guid id, CancellationToken _) => db.ScanProfiles.AsNoTracking().FirstOrDefault(p => p.Id == id));

    public async Task<ScanTaskModel> ToModelAsync(ScanEntity scan, Caller caller, CancellationToken cancellationToken) =>
        (await ToModelsAsync([scan], caller, cancellationToken).ConfigureAwait(false))[0];

    public async Task<IReadOnlyList<ScanTaskModel>> ToModelsAsync(IReadOnlyList<ScanEntity> scans, Caller caller, CancellationToken cancellationToken)
    {
        var websites = await EachAsync(scans.Select(s => s.WebsiteId), s_websiteFigures, cancellationToken).ConfigureAwait(false);
        var policies = await EachAsync(scans.Select(s => s.Configuration.PolicyId), s_policy, cancellationToken).ConfigureAwait(false);
        var reportPolicies = await EachAsync(scans.Select(s => s.Configuration.ReportPolicyId), s_reportPolicy, cancellationToken).ConfigureAwait(false);
        var profiles = await EachAsync(scans.Where(s => s.ScanProfileId is not null).Select(s => s.ScanProfileId!.Value), s_profile, cancellationToken)
            .ConfigureAwait(false);
        var openIssues = await OpenIssueCountsAsync([.. websites.Values.Where(w => w.IssuesTracked).Select(w => w.Website.Id)], cancellationToken)
            .ConfigureAwait(false);

        var launchTime = await launchTimes.ForAsync(scans, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. scans.Select(scan =>
        {
            websites.TryGetValue(scan.WebsiteId, out var website);
            policies.TryGetValue(scan.Configuration.PolicyId, out var policy);
            reportPolicies.TryGetValue(scan.Configuration.ReportPolicyId, out var reportPolicy);
            var profile = scan.ScanProfileId is { } pid && profiles.TryGetValue(pid, out var p) ? p : null;
            openIssues.TryGetValue(scan.WebsiteId, out var global);
            var otherQueued = website?.QueuedUpToTwo > (scan.State == ScanTaskState.Queued && scan.DeletedAt == null ? 1 : 0);
            return Map(scan, caller, now, website, policy, reportPolicy, profile, global, otherQueued) with { EstimatedLaunchTime = launchTime(scan) };
        })];
    }

    /// <summary>Elapsed scanning time: earlier runs plus the current one while it runs.</summary>
    public static TimeSpan Duration(ScanEntity scan, DateTime now)
    {
        var elapsed = TimeSpan.FromTicks(scan.ElapsedTicksBeforeRun);
        if (scan.StartedAt is { } started && scan.State is ScanTaskState.Scanning or ScanTaskState.Pausing or ScanTaskState.Resuming)
        {
            elapsed += now - started;
        }

        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }

    public static int Percentage(ScanEntity scan) =>
        scan.State == ScanTaskState.Complete ? 100
        : scan.EstimatedSteps <= 0 ? 0
        : Math.Clamp((int)(scan.CompletedSteps * 100L / scan.EstimatedSteps), 0, 99);

    public static SeverityCounts Counts(ScanEntity scan) =>
        new(scan.CriticalCount, scan.HighCount, scan.MediumCount, scan.LowCount, scan.InfoCount, scan.BestPracticeCount);

    /// <summary>Each distinct id's row, by one compiled query per id; ids without a row are absent.</summary>
    private async Task<Dictionary<Guid, T>> EachAsync<T>(
        IEnumerable<Guid> ids, Func<HarrierDbContext, Guid, CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        var found = new Dictionary<Guid, T>();
        foreach (var id in ids.Distinct())
        {
            if (await load(db, id, cancellationToken).ConfigureAwait(false) is { } row)
            {
                found[id] = row;
            }
        }

        return found;
    }

    /// <summary>
    /// The website-wide figures (<c>Global…</c>): open issues across scans, by severity, of the websites with at least one
    /// scan applied to issues; the others are absent (threat level Unknown).
    /// </summary>
    private async Task<Dictionary<Guid, SeverityCounts>> OpenIssueCountsAsync(List<Guid> trackedWebsiteIds, CancellationToken cancellationToken)
    {
        if (trackedWebsiteIds.Count == 0)
        {
            return [];
        }

        var open = Enum.GetValues<IssueState>().Where(IssueRules.IsOpen).ToList();
        var counts = await db.Issues.AsNoTracking().Where(i => trackedWebsiteIds.Contains(i.WebsiteId) && open.Contains(i.State))
            .GroupBy(i => new { i.WebsiteId, i.Severity })
            .Select(g => new { g.Key.WebsiteId, g.Key.Severity, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return trackedWebsiteIds.ToDictionary(id => id, id =>
        {
            int Of(Severity severity) => counts.Where(c => c.WebsiteId == id && c.Severity == severity).Sum(c => c.Count);
            return new SeverityCounts(Of(Severity.Critical), Of(Severity.High), Of(Severity.Medium), Of(Severity.Low),
                Of(Severity.Information), Of(Severity.BestPractice));
        });
    }

    private static ScanTaskModel Map(
        ScanEntity scan, Caller caller, DateTime now, WebsiteFigures? figures, ScanPolicyEntity? policy,
        ReportPolicyEntity? reportPolicy, ScanProfileEntity? profile, SeverityCounts? openIssues, bool otherQueued)
    {
        var website = figures?.Website;
        var config = scan.Configuration;
        var target = new Uri(config.TargetUrl);
        var counts = Counts(scan);
        var global = openIssues ?? SeverityCounts.None;
        var initiated = new DateTimeOffset(DateTime.SpecifyKind(scan.InitiatedAt, DateTimeKind.Utc));
        return new ScanTaskModel
        {
            AdditionalWebsites = config.AdditionalWebsites.Count == 0 ? null
                : [.. config.AdditionalWebsites.Select(w => new AdditionalWebsiteModel { Canonical = w.Canonical, TargetUrl = w.TargetUrl })],
            AgentId = scan.AgentId,
            AgentName = scan.AgentName,
            Cookies = config.Cookies,
            CrawlAndAttack = config.CrawlAndAttack,
            DeletedOn = Utc(scan.DeletedAt),
            EnableHeuristicChecksInCustomUrlRewrite = config.UrlRewrite.EnableHeuristicChecksInCustomUrlRewrite,
            ExcludedLinks = JsonSerializer.Serialize(config.ExcludedLinks, InvictiJson.Options),
            ExcludeLinks = config.ExcludeLinks,
            DisallowedHttpMethods = JsonSerializer.Serialize(config.DisallowedHttpMethods.Select(m => m.ToString()), InvictiJson.Options),
            FindAndFollowNewLinks = config.FindAndFollowNewLinks,
            ImportedLinks = config.ImportedLinks.Count == 0 ? null : string.Join('\n', config.ImportedLinks),
            AllImportedLinks = string.Join('\n', config.ImportedLinks),
            DesktopScanId = null,
            InitiatedTime = caller.FormatDateTime(scan.InitiatedAt),
            InitiatedDate = caller.FormatDate(scan.InitiatedAt),
            InitiatedAt = initiated,
            MaxDynamicSignatures = config.MaxDynamicSignatures,
            MaxScanDuration = config.MaxScanDuration,
            Duration = Duration(scan, now).ToString("c", CultureInfo.InvariantCulture),
            PolicyDescription = policy?.Description,
            PolicyId = config.PolicyId,
            PolicyUserId = policy?.UserId,
            PolicyIsDefault = policy?.IsDefault ?? false,
            PolicyIsShared = policy?.IsShared ?? false,
            PolicyName = policy?.Name,
            AuthenticationProfileId = config.AuthenticationProfileId,
            AuthenticationProfileOption = config.AuthenticationProfileOption,
            ReportPolicyDescription = reportPolicy?.Description,
            ReportPolicyId = config.ReportPolicyId,
            ReportPolicyUserId = reportPolicy?.UserId,
            ReportPolicyIsDefault = reportPolicy?.IsDefault ?? false,
            ReportPolicyIsShared = reportPolicy?.IsShared ?? false,
            ReportPolicyName = reportPolicy?.Name,
            Scope = config.Scope,
            SubPathMaxDynamicSignatures = config.SubPathMaxDynamicSignatures,
            TargetPath = target.AbsolutePath,
            TargetUrl = config.TargetUrl,
            TargetUrlRoot = target.GetLeftPart(UriPartial.Authority) + "/",
            TimeWindow = LaunchSettingsMapper.ToModel(config.TimeWindow),
            TotalVulnerabilityCount = counts.TotalExcludingInformation,
            UrlRewriteAnalyzableExtensions = config.UrlRewrite.AnalyzableExtensions,
            UrlRewriteBlockSeparators = config.UrlRewrite.BlockSeparators,
            UrlRewriteMode = config.UrlRewrite.Mode,
            UrlRewriteRules = config.UrlRewrite.Rules.Count == 0 ? null
                : [.. config.UrlRewrite.Rules.Select(r => new UrlRewriteRuleModel { PlaceholderPattern = r.PlaceholderPattern, RegexPattern = r.RegexPattern })],
            UrlRewriteExcludedLinks = config.UrlRewrite.ExcludedPaths.Count == 0 ? null
                : [.. config.UrlRewrite.ExcludedPaths.Select(p => new UrlRewriteExcludedPathModel { ExcludedPath = p.ExcludedPath, IsRegex = p.IsRegex })],
            UserId = scan.UserId,
            VcsCommitInfo = scan.VcsCommitInfoJson is { } vcs
                ? JsonSerializer.Deserialize<VcsCommitInfo>(vcs, InvictiJson.Options)
                : new VcsCommitInfo { CiBuildServerName = "" },
            WebsiteName = website?.Name,
            WebsiteUrl = website?.RootUrl,
            WebsiteDescription = website?.Description,
            WebsiteProtocol = website?.DefaultProtocol ?? (target.Scheme == Uri.UriSchemeHttps ? WebsiteProtocol.Https : WebsiteProtocol.Http),
            WebsiteIsDeleted = website?.DeletedAt is not null,
            IsWebsiteLatestCompletedFullScanTask = figures?.LatestCompleteFullScan == scan.Id,
            EnablePciScanTask = config.EnablePciScanTask,
            PciScanTask = null,
            UserName = caller.Name,
            QueuedScanTaskExist = otherQueued,
            ScanTaskProfileId = profile?.Id,
            ScanTaskProfile = profile is null ? null : new ReducedScanTaskProfile
            {
                Id = profile.Id,
                IsMine = profile.UserId == caller.Id,
                IsPrimary = profile.IsPrimary,
                IsShared = profile.IsShared,
                Name = profile.Name,
                TargetUrl = profile.Configuration.TargetUrl,
                ScanPolicyName = policy?.Name,
                Tags = profile.Configuration.Tags,
            },
            WebsiteGroupIds = figures?.GroupIds ?? [],
            Comments = config.Comments,
            BusinessLogicRecorderSetting = LaunchSettingsMapper.ToBusinessLogicModel(config.BusinessLogicRecorderSetting),
            ScanProfileChanged = false,
            CompletedSteps = scan.CompletedSteps,
            EstimatedSteps = scan.EstimatedSteps,
            FailureReason = scan.FailureReason,
            FailureReasonDescription = scan.FailureDescription,
            FailureReasonString = scan.FailureReason?.ToString(),
            GlobalThreatLevel = ScanStateRules.ThreatLevelFor(global, openIssues is not null),
            GlobalVulnerabilityCriticalCount = global.Critical,
            GlobalVulnerabilityHighCount = global.High,
            GlobalVulnerabilityInfoCount = global.Information,
            GlobalVulnerabilityBestPracticeCount = global.BestPractice,
            GlobalVulnerabilityLowCount = global.Low,
            GlobalVulnerabilityMediumCount = global.Medium,
            Id = scan.Id,
            IsCompleted = ScanStateRules.IsTerminal(scan.State),
            Percentage = Percentage(scan),
            Phase = scan.Phase,
            ScanTaskGroupId = scan.ScanTaskGroupId,
            ScanType = scan.ScanType,
            ScheduledScanId = scan.ScheduledScanId,
            State = scan.State,
            StateChanged = Utc(scan.StateChangedAt),
            ThreatLevel = ScanStateRules.ThreatLevelFor(counts, scan.StartedAt is not null),
            VulnerabilityCriticalCount = counts.Critical,
            VulnerabilityHighCount = counts.High,
            VulnerabilityInfoCount = counts.Information,
            VulnerabilityBestPracticeCount = counts.BestPractice,
            VulnerabilityLowCount = counts.Low,
            VulnerabilityMediumCount = counts.Medium,
            WebsiteId = scan.WebsiteId,
            Initiated = initiated,
            Tags = config.Tags,
        };
    }

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    private sealed record WebsiteFigures(WebsiteEntity Website, List<Guid> GroupIds, Guid? LatestCompleteFullScan, bool IssuesTracked, int QueuedUpToTwo);
}
