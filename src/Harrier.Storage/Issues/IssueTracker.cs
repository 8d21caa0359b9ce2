using Harrier.Core.Issues;
using Harrier.Core.Scans;
using Harrier.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Storage.Issues;

/// <summary>
/// Applies completed scans to their website's issues (docs/issues.md): one issue per website and fingerprint, with a state
/// and a history. A scan is applied once (<see cref="ScanEntity.IssuesAppliedAt"/>), in completion order, inside the
/// transaction that marks it Complete (<see cref="Queue.ScanLeases.FinishAsync"/>), under a per-website lock; whatever
/// is left pending (scans completed before this existed) is applied on start by <see cref="ApplyAllPendingAsync"/>.
/// </summary>
public sealed class IssueTracker(HarrierDbContext db, TimeProvider time)
{
    /// <summary>Added to the website id's bits for the PostgreSQL advisory lock key, apart from the other locks' keys.</summary>
    private const long LockSalt = 0x6973_7375_6573_0000;

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that holds the website's issue lock (PostgreSQL: a transaction-scoped advisory
    /// lock; SQLite: the database write lock that its transactions take at the start), then applies every completed scan of
    /// the website still pending, and commits. So a scan marked Complete by <paramref name="work"/> never commits without its issues.
    /// </summary>
    public async Task InWebsiteTransactionAsync(Guid websiteId, Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (db.IsPostgres)
            {
                var key = BitConverter.ToInt64(websiteId.ToByteArray(), 0) ^ LockSalt;
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken).ConfigureAwait(false);
            }

            await work().ConfigureAwait(false);
            await ApplyPendingAsync(websiteId, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Applies every completed scan not applied yet, website by website: run on start, after migrations.</summary>
    public async Task<int> ApplyAllPendingAsync(CancellationToken cancellationToken)
    {
        var websites = await Pending().Select(s => s.WebsiteId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var websiteId in websites)
        {
            await InWebsiteTransactionAsync(websiteId, () => Task.CompletedTask, cancellationToken).ConfigureAwait(false);
        }

        return websites.Count;
    }

    private IQueryable<ScanEntity> Pending() => db.Scans.Where(s => s.State == ScanTaskState.Complete && s.IssuesAppliedAt == null);

    /// <summary>The website's pending completed scans in completion order; the caller holds the website's lock.</summary>
    private async Task ApplyPendingAsync(Guid websiteId, CancellationToken cancellationToken)
    {
        var pending = await Pending().AsNoTracking().Where(s => s.WebsiteId == websiteId)
            .OrderBy(s => s.FinishedAt).ThenBy(s => s.InitiatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var scan in pending)
        {
            await ApplyAsync(scan, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(ScanEntity scan, CancellationToken cancellationToken)
    {
        var at = scan.FinishedAt ?? time.GetUtcNow().UtcDateTime;
        var owner = await db.Websites.AsNoTracking().Where(w => w.Id == scan.WebsiteId).Select(w => (Guid?)w.UserId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? scan.UserId;
        var found = await db.Vulnerabilities.AsNoTracking().Where(v => v.ScanId == scan.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var issues = await db.Issues.Where(i => i.WebsiteId == scan.WebsiteId)
            .ToDictionaryAsync(i => i.Fingerprint, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var by = $"{scan.ScanType} scan";

        foreach (var vulnerability in found)
        {
            if (!issues.TryGetValue(vulnerability.Fingerprint, out var issue))
            {
                issue = NewIssue(vulnerability, owner, scan, at);
                issues.Add(issue.Fingerprint, issue);
                db.Issues.Add(issue);
                Record(issue, scan, at, null, IssueState.Present, $"Found by {by}.");
                continue;
            }

            Sighted(issue, vulnerability, scan, at);
            var next = IssueRules.Found(issue.State);
            if (next != issue.State)
            {
                issue.LastRevivedAt = at;
                issue.FixedInScanId = null;
                issue.FixedAt = null;
                issue.FixedConfirmedAt = null;
                Change(issue, next, scan, at, $"Found again by {by}: revived.");
            }
            else if (IssueRules.IsUserState(issue.State))
            {
                Record(issue, scan, at, issue.State, issue.State, $"Found again by {by}; the state {issue.State} was kept.");
            }
        }

        var seen = found.Select(v => v.Fingerprint).ToHashSet(StringComparer.Ordinal);
        foreach (var issue in await MissedAsync(scan, issues, seen, cancellationToken).ConfigureAwait(false))
        {
            var retest = scan.ScanType == ScanType.Retest;
            var next = retest ? IssueRules.NotReproducedByRetest(issue.State) : IssueRules.NotFoundByFullScan(issue.State);
            if (next == issue.State)
            {
                continue;
            }

            issue.FixedInScanId = scan.Id;
            issue.FixedAt ??= at;
            if (next == IssueState.FixedConfirmed)
            {
                issue.FixedConfirmedAt = at;
            }

            Change(issue, next, scan, at, retest ? "Not reproduced by the retest: fixed (confirmed)." : $"Not found by {by}: fixed (unconfirmed).");
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await db.Scans.Where(s => s.Id == scan.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.IssuesAppliedAt, at), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Issues the scan should have found and did not: for a full or incremental scan every issue of the website; for a retest
    /// only those its base scan found (a retest re-verifies nothing else).
    /// </summary>
    private async Task<IEnumerable<IssueEntity>> MissedAsync(
        ScanEntity scan, Dictionary<string, IssueEntity> issues, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var missed = issues.Values.Where(i => !seen.Contains(i.Fingerprint));
        if (scan.ScanType != ScanType.Retest)
        {
            return missed;
        }

        var baseFingerprints = scan.BaseScanId is { } baseId
            ? (await db.Vulnerabilities.AsNoTracking().Where(v => v.ScanId == baseId).Select(v => v.Fingerprint)
                .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal)
            : [];
        return missed.Where(i => baseFingerprints.Contains(i.Fingerprint));
    }

    private static IssueEntity NewIssue(VulnerabilityEntity vulnerability, Guid owner, ScanEntity scan, DateTime at)
    {
        var issue = new IssueEntity
        {
            Id = Guid.NewGuid(),
            UserId = owner,
            WebsiteId = scan.WebsiteId,
            Fingerprint = vulnerability.Fingerprint,
            CheckId = vulnerability.CheckId,
            Type = vulnerability.Type,
            Title = vulnerability.Title,
            Url = vulnerability.Url,
            Method = vulnerability.Method,
            State = IssueState.Present,
            FirstSeenScanId = scan.Id,
            FirstSeenAt = at,
        };
        Sighted(issue, vulnerability, scan, at);
        return issue;
    }

    /// <summary>The latest finding describes the issue.</summary>
    private static void Sighted(IssueEntity issue, VulnerabilityEntity vulnerability, ScanEntity scan, DateTime at)
    {
        issue.CheckId = vulnerability.CheckId;
        issue.Type = vulnerability.Type;
        issue.Title = vulnerability.Title;
        issue.Severity = vulnerability.Severity;
        issue.Certainty = vulnerability.Certainty;
        issue.IsConfirmed = vulnerability.IsConfirmed;
        issue.Url = vulnerability.Url;
        issue.Method = vulnerability.Method;
        issue.Parameter = vulnerability.Parameter;
        issue.LastSeenScanId = scan.Id;
        issue.LastSeenAt = at;
        issue.LatestVulnerabilityId = vulnerability.Id;
        issue.UpdatedAt = at;
    }

    private void Change(IssueEntity issue, IssueState next, ScanEntity scan, DateTime at, string message)
    {
        Record(issue, scan, at, issue.State, next, message);
        issue.State = next;
        issue.UpdatedAt = at;
    }

    private void Record(IssueEntity issue, ScanEntity scan, DateTime at, IssueState? from, IssueState to, string message) =>
        db.IssueHistory.Add(new IssueHistoryEntity
        {
            Id = Guid.NewGuid(),
            IssueId = issue.Id,
            At = at,
            ScanId = scan.Id,
            Owner = $"Harrier ({scan.ScanType} scan)",
            FromState = from,
            ToState = to,
            Message = message,
        });
}
