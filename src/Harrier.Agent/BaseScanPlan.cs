using Harrier.Core.Findings;
using Harrier.Core.Issues;
using Harrier.Core.Scans;
using Harrier.Engine;
using Harrier.Storage;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Agent;

/// <summary>
/// Gives a retest or incremental scan what the engine needs from its base scan: the base findings (a retest plan), or
/// the base crawled resources and findings (an incremental base). Full scans, and scans without a base, run as they are.
/// </summary>
internal static class BaseScanPlan
{
    public static async Task<ScanRequest> ApplyAsync(HarrierDbContext db, ScanEntity scan, ScanRequest request, CancellationToken cancellationToken)
    {
        if (scan.BaseScanId is not { } baseId || scan.ScanType == ScanType.Full)
        {
            return request;
        }

        var findings = await db.Vulnerabilities.AsNoTracking().Where(v => v.ScanId == baseId).OrderBy(v => v.FoundAt).ThenBy(v => v.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var baseFindings = findings.Select(ToFinding).ToList();
        if (scan.ScanType == ScanType.Retest)
        {
            return request with { Retest = new RetestPlan(baseFindings) };
        }

        // Carried over only while still open: a base finding whose issue a later scan or retest found fixed is not
        // brought back by an incremental scan that does not look at its (unchanged) page again.
        var fixedStates = Enum.GetValues<IssueState>().Where(IssueRules.IsFixed).ToList();
        var fixedFingerprints = (await db.Issues.AsNoTracking().Where(i => i.WebsiteId == scan.WebsiteId && fixedStates.Contains(i.State))
            .Select(i => i.Fingerprint).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        baseFindings.RemoveAll(f => fixedFingerprints.Contains(f.Fingerprint));
        var resources = await db.CrawledResources.AsNoTracking().Where(r => r.ScanId == baseId)
            .Select(r => new CrawledResource(r.Url, r.Method, r.ParameterNames, r.StatusCode, r.ContentType, r.ResponseHash, r.Attacked))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return request with { Incremental = new IncrementalBase(resources, baseFindings) };
    }

    /// <summary>A stored vulnerability as the finding it was stored from (same fields, so the same fingerprint).</summary>
    internal static Finding ToFinding(VulnerabilityEntity v) => new()
    {
        CheckId = v.CheckId,
        Type = v.Type,
        Title = v.Title,
        Severity = v.Severity,
        IsConfirmed = v.IsConfirmed,
        Certainty = v.Certainty,
        Url = v.Url,
        Method = v.Method,
        Parameter = v.Parameter,
        ParameterLocation = v.ParameterLocation,
        Payload = v.Payload,
        Evidence = v.RawRequest is null && v.RawResponse is null ? null : new Evidence(v.RawRequest ?? "", v.RawResponse ?? "", v.Proof),
        Classification = new Classification(v.Cwe, v.OwaspTopTen2021, v.Wasc, v.Capec),
    };
}
