using Harrier.Contracts;
using Harrier.Core.Scans;
using Harrier.Server.Authentication;
using Harrier.Server.Http;
using Harrier.Server.Mapping;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Harrier.Storage.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Harrier.Server.Scans;

/// <summary>
/// Creates scans: resolves (or registers) the website, the policies and the launch configuration, and stores a
/// queued scan. Every launch endpoint goes through here, so a relaunch is stored exactly like a first launch.
/// </summary>
internal sealed class ScanLauncher(
    HarrierDbContext db, TimeProvider time, ISecretProtector protector, IOptions<ApiOptions> options, VisibleScanCounts visibleCounts)
{
    /// <summary>Validates a launch model and turns it into a configuration for <paramref name="targetUrl"/>.</summary>
    public async Task<ScanConfiguration> ConfigurationFromAsync(
        Caller caller, IScanLaunchSettings model, string targetUrl, Guid? policyId, Guid? reportPolicyId, CancellationToken cancellationToken)
    {
        var errors = new ModelState();
        var policy = await ResolvePolicyIdAsync(caller, policyId ?? model.PolicyId, errors, cancellationToken).ConfigureAwait(false);
        var reportPolicy = await ResolveReportPolicyIdAsync(caller, reportPolicyId ?? model.ReportPolicyId, errors, cancellationToken).ConfigureAwait(false);
        var configuration = LaunchSettingsMapper.ToConfiguration(model, targetUrl, policy, reportPolicy, protector, errors);
        errors.ThrowIfInvalid();
        return configuration;
    }

    /// <summary>The caller's website for <paramref name="targetUrl"/> (longest matching root URL); registered on the fly when allowed.</summary>
    public async Task<WebsiteEntity> ResolveWebsiteAsync(Caller caller, string targetUrl, CancellationToken cancellationToken)
    {
        var target = RequireTarget(targetUrl);
        var authority = target.GetLeftPart(UriPartial.Authority);
        var candidates = await db.Websites
            .Where(w => w.UserId == caller.Id && w.DeletedAt == null && w.RootUrl.StartsWith(authority))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var match = candidates
            .Where(w => target.AbsoluteUri.StartsWith(w.RootUrl, StringComparison.OrdinalIgnoreCase)
                || target.AbsoluteUri.TrimEnd('/').Equals(w.RootUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            .MaxBy(w => w.RootUrl.Length);
        if (match is not null)
        {
            return match;
        }

        if (!options.Value.AutoRegisterWebsites)
        {
            throw ApiException.BadRequest($"No website is registered for '{targetUrl}'. Create it with websites/new first.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var website = new WebsiteEntity
        {
            Id = Guid.NewGuid(),
            UserId = caller.Id,
            RootUrl = WebsiteUrls.Normalize(authority),
            Name = target.Host,
            DefaultProtocol = target.Scheme == Uri.UriSchemeHttps ? WebsiteProtocol.Https : WebsiteProtocol.Http,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Websites.Add(website);
        return website;
    }

    /// <summary>Stores what <see cref="Queue"/> added, in one save so a failed launch writes nothing.</summary>
    public async Task SaveAsync(Caller caller, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        visibleCounts.Forget(caller.Id);
    }

    /// <summary>Adds a queued scan to the context; the caller then calls <see cref="SaveAsync"/> once.</summary>
    public ScanEntity Queue(Caller caller, Guid websiteId, ScanConfiguration configuration, ScanType type = ScanType.Full,
        Guid? baseScanId = null, Guid? groupId = null, Guid? profileId = null, string? vcsCommitInfoJson = null)
    {
        var scan = new ScanEntity
        {
            Id = Guid.NewGuid(),
            UserId = caller.Id,
            WebsiteId = websiteId,
            ScanTaskGroupId = groupId ?? Guid.NewGuid(),
            ScanType = type,
            BaseScanId = baseScanId,
            ScanProfileId = profileId,
            Configuration = configuration,
            TargetUrl = configuration.TargetUrl,
            RequiredAgentName = AgentIdentity.RoutingKey(configuration.AgentName),
            RequiredAgentGroupName = AgentIdentity.RoutingKey(configuration.AgentGroupName),
            VcsCommitInfoJson = vcsCommitInfoJson,
            State = ScanTaskState.Queued,
            Phase = ScanTaskPhase.Pending,
            InitiatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Scans.Add(scan);
        return scan;
    }

    public static Uri RequireTarget(string? targetUrl) =>
        LaunchSettingsMapper.IsHttpUrl(targetUrl) ? new Uri(targetUrl!)
        : throw ApiException.Invalid(new Dictionary<string, string[]>
        {
            ["model.TargetUri"] = [$"'{targetUrl}' is not an absolute http or https URL."],
        });

    private async Task<Guid> ResolvePolicyIdAsync(Caller caller, Guid? id, ModelState errors, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return BuiltIn.DefaultScanPolicyId;
        }

        var visible = await db.ScanPolicies.AnyAsync(
            p => p.Id == id && (p.UserId == null || p.UserId == caller.Id || p.IsShared), cancellationToken).ConfigureAwait(false);
        if (!visible)
        {
            errors.Add("PolicyId", $"Scan policy '{id}' was not found.");
        }

        return id.Value;
    }

    private async Task<Guid> ResolveReportPolicyIdAsync(Caller caller, Guid? id, ModelState errors, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return BuiltIn.DefaultReportPolicyId;
        }

        var visible = await db.ReportPolicies.AnyAsync(
            p => p.Id == id && (p.UserId == null || p.UserId == caller.Id || p.IsShared), cancellationToken).ConfigureAwait(false);
        if (!visible)
        {
            errors.Add("ReportPolicyId", $"Report policy '{id}' was not found.");
        }

        return id.Value;
    }
}
