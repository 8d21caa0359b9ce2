using Harrier.Core.Findings;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks;

/// <summary>
/// What one resource check gets for one crawled page: the page's request and response, a send method that goes
/// through the scan's send path (scope, exclusions, disallowed methods) and stops at the budget, and scan-wide claims.
/// </summary>
internal sealed class ResourceCheckContext(
    ScanHttpClient client,
    ScanHttpRequest request,
    ScanHttpResponse response,
    AttackStrength strength,
    IFindingReporter reporter,
    Func<string, bool>? tryClaimOnce = null)
{
    private int _requestsUsed;

    /// <summary>The crawled request whose surroundings are probed.</summary>
    public ScanHttpRequest Request { get; } = request;

    /// <summary>The crawled response to <see cref="Request"/>.</summary>
    public ScanHttpResponse Response { get; } = response;

    public AttackStrength Strength { get; } = strength;

    public int Budget { get; } = AttackBudget.ForResource(strength);

    public int RequestsUsed => Volatile.Read(ref _requestsUsed);

    public int RemainingBudget => Math.Max(0, Budget - RequestsUsed);

    /// <summary>Sends <paramref name="probe"/> through the send path; null when the budget is spent, the request was refused or failed.</summary>
    public async Task<ScanHttpResponse?> SendAsync(ScanHttpRequest probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (Interlocked.Increment(ref _requestsUsed) > Budget)
        {
            Interlocked.Decrement(ref _requestsUsed);
            return null;
        }

        var result = await client.SendAsync(probe with { IsAttack = true }, cancellationToken).ConfigureAwait(false);
        if (result.IsBlocked)
        {
            Interlocked.Decrement(ref _requestsUsed); // Nothing was sent.
        }

        return result.Response;
    }

    /// <summary>True the first time <paramref name="key"/> is claimed in this scan (e.g. one probe set per folder). Without a claim store every claim succeeds.</summary>
    public bool TryClaimOnce(string key) => tryClaimOnce?.Invoke(key) ?? true;

    public Evidence CreateEvidence(ScanHttpResponse evidence, string? proof) => client.CreateEvidence(evidence, proof);

    public ValueTask ReportAsync(Finding finding, CancellationToken cancellationToken) => reporter.ReportAsync(finding, cancellationToken);
}
