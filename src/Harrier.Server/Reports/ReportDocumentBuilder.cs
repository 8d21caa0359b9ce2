using System.Text.Json;
using Harrier.Contracts.Models;
using Harrier.Contracts.Serialization;
using Harrier.Core.Findings;
using Harrier.Core.Issues;
using Harrier.Core.Scans;
using Harrier.Engine.Checks;
using Harrier.Reports;
using Harrier.Server.Mapping;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Reports;

/// <summary>
/// Loads a finished scan with its findings and crawled resources into the report model. Finding texts
/// (description, impact, remediation, references) come from the metadata of the check that found them.
/// </summary>
internal sealed class ReportDocumentBuilder(HarrierDbContext db, TimeProvider time)
{
    private static readonly Dictionary<string, CheckMetadata> s_checks = CheckCatalog.All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public async Task<ReportDocument> BuildAsync(ScanEntity scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var website = await db.Websites.AsNoTracking().FirstOrDefaultAsync(w => w.Id == scan.WebsiteId, cancellationToken).ConfigureAwait(false);
        var policyName = await db.ScanPolicies.AsNoTracking().Where(p => p.Id == scan.Configuration.PolicyId).Select(p => p.Name)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var vulnerabilities = await db.Vulnerabilities.AsNoTracking().Where(v => v.ScanId == scan.Id)
            .OrderByDescending(v => v.Severity).ThenBy(v => v.Url).ToListAsync(cancellationToken).ConfigureAwait(false);
        var fingerprints = vulnerabilities.Select(v => v.Fingerprint).ToList();
        var issues = await db.Issues.AsNoTracking().Where(i => i.WebsiteId == scan.WebsiteId && fingerprints.Contains(i.Fingerprint))
            .ToDictionaryAsync(i => i.Fingerprint, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var resources = await db.CrawledResources.AsNoTracking().Where(r => r.ScanId == scan.Id).OrderBy(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var config = scan.Configuration;
        return new ReportDocument
        {
            Scan = new ReportScan
            {
                Id = scan.Id,
                TargetUrl = scan.TargetUrl,
                WebsiteName = website?.Name,
                WebsiteUrl = website?.RootUrl,
                PolicyName = policyName,
                Initiated = Utc(scan.InitiatedAt),
                Finished = scan.FinishedAt is { } finished ? Utc(finished) : null,
                Duration = ScanModelMapper.Duration(scan, time.GetUtcNow().UtcDateTime),
                State = scan.State,
                ScanType = scan.ScanType,
                Configuration = new ReportScanConfiguration
                {
                    Scope = config.Scope,
                    ExcludedLinks = config.ExcludeLinks ? config.ExcludedLinks : [],
                    DisallowedHttpMethods = config.DisallowedHttpMethods,
                    MaxScanDuration = config.MaxScanDuration > 0 ? TimeSpan.FromHours(config.MaxScanDuration) : null,
                    AdditionalWebsites = [.. config.AdditionalWebsites.Select(w => w.TargetUrl)],
                    Authentication = DescribeAuthentication(config.Authentication),
                },
                Commit = Commit(scan.VcsCommitInfoJson),
            },
            Vulnerabilities = [.. vulnerabilities.Select(v => ToReport(v, issues.GetValueOrDefault(v.Fingerprint)))],
            Resources = [.. resources.Select(r => new CrawledResource(r.Url, r.Method, r.ParameterNames, r.StatusCode, r.ContentType, r.ResponseHash, r.Attacked))],
            Generated = time.GetUtcNow(),
        };
    }

    /// <summary>A finding with its issue's current state and dates; a finding not tracked yet (scan not applied) is Present.</summary>
    private static ReportVulnerability ToReport(VulnerabilityEntity v, IssueEntity? issue)
    {
        s_checks.TryGetValue(v.CheckId, out var check);
        return new ReportVulnerability
        {
            Id = v.Id,
            Type = v.Type,
            Title = v.Title,
            Severity = v.Severity,
            IsConfirmed = v.IsConfirmed,
            Certainty = v.Certainty,
            Url = v.Url,
            Method = v.Method,
            ParameterName = v.Parameter,
            ParameterLocation = v.ParameterLocation,
            Payload = v.Payload,
            RawRequest = v.RawRequest,
            RawResponse = v.RawResponse,
            Proof = v.Proof,
            Classification = new Classification(v.Cwe, v.OwaspTopTen2021, v.Wasc, v.Capec),
            Description = check?.Description ?? "",
            Impact = check?.Impact ?? "",
            Remediation = check?.Remediation ?? "",
            References = check is null ? [] : [.. check.References.Select(r => r.AbsoluteUri)],
            State = (issue?.State ?? IssueState.Present).ToString(),
            IsAddressed = issue is not null && IssueRules.IsAddressed(issue.State),
            FirstSeen = Utc(issue?.FirstSeenAt ?? v.FoundAt),
            LastSeen = Utc(issue?.LastSeenAt ?? v.FoundAt),
        };
    }

    /// <summary>How the scanner signed in, in words; never the secrets themselves.</summary>
    private static string? DescribeAuthentication(TargetAuthentication authentication)
    {
        var parts = new List<string>();
        if (authentication.Basic is { } basic)
        {
            parts.Add($"HTTP {string.Join(", ", basic.Credentials.Select(c => c.AuthenticationType).Distinct())} authentication");
        }

        if (authentication.Form is { } form)
        {
            parts.Add($"form login at {form.LoginFormUrl} as {form.UserName}");
        }

        if (authentication.Headers.Count > 0)
        {
            parts.Add("custom headers: " + string.Join(", ", authentication.Headers.Select(h => h.Name)));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static ReportCommitInfo? Commit(string? vcsCommitInfoJson)
    {
        if (vcsCommitInfoJson is null)
        {
            return null;
        }

        var info = JsonSerializer.Deserialize<VcsCommitInfo>(vcsCommitInfoJson, InvictiJson.Options);
        return info is null ? null : new ReportCommitInfo
        {
            IntegrationSystem = info.IntegrationSystem?.ToString(),
            CommitId = info.VcsVersion,
            Branch = info.VcsName,
            Committer = info.Committer ?? info.CommitterName,
            BuildId = info.CiBuildId,
            BuildUrl = info.CiBuildUrl,
        };
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
