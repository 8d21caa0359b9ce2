using System.Security.Cryptography;
using Harrier.Core.Findings;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;
using Harrier.Engine.OutOfBand;

namespace Harrier.Engine.Checks;

/// <summary>
/// What one active check gets for one insertion point: the original request and its response (the baseline), the
/// insertion point, and a send method that goes through the scan's send path and stops at the strength's budget.
/// </summary>
internal sealed class ActiveCheckContext(
    ScanHttpClient client,
    ScanHttpRequest request,
    ScanHttpResponse? baseline,
    InsertionPoint insertionPoint,
    AttackStrength strength,
    IFindingReporter reporter,
    Func<string, bool>? tryClaimOnce = null,
    PlantedPayloads? planted = null,
    OutOfBandListener? outOfBand = null,
    int? budget = null)
{
    private const string TokenAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private int _requestsUsed;

    /// <summary>The original request whose insertion point is attacked.</summary>
    public ScanHttpRequest Request { get; } = request;

    public InsertionPoint InsertionPoint { get; } = insertionPoint;

    public AttackStrength Strength { get; } = strength;

    /// <summary>The strength's budget, or the planner's smaller one for a cheap extra attack (per-page headers).</summary>
    public int Budget { get; } = Math.Min(budget ?? int.MaxValue, AttackBudget.For(strength));

    public int RequestsUsed => Volatile.Read(ref _requestsUsed);

    public bool IsBudgetExhausted => RequestsUsed >= Budget;

    /// <summary>The scan's out-of-band listener; null when it is disabled or could not start (out-of-band checks then send nothing).</summary>
    public OutOfBandListener? OutOfBand { get; } = outOfBand;

    /// <summary>The response to the original request, fetched (within the budget) if the crawler did not keep it.</summary>
    public async Task<ScanHttpResponse?> GetBaselineAsync(CancellationToken cancellationToken) =>
        baseline ??= await SendAsync(Request, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends <paramref name="attack"/> through the send path; null when the budget is spent, the request was refused or failed.</summary>
    public async Task<ScanHttpResponse?> SendAsync(ScanHttpRequest attack, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _requestsUsed) > Budget)
        {
            Interlocked.Decrement(ref _requestsUsed);
            return null;
        }

        var marked = ReferenceEquals(attack, Request) ? attack : attack with { IsAttack = true };
        var result = await client.SendAsync(marked, cancellationToken).ConfigureAwait(false);
        if (result.IsBlocked)
        {
            Interlocked.Decrement(ref _requestsUsed); // Nothing was sent.
        }

        return result.Response;
    }

    /// <summary>Sends the original request with the insertion point's value replaced by <paramref name="value"/>.</summary>
    /// <remarks>
    /// Header and cookie values cannot carry control characters (CR, LF, NUL…) or non-ASCII characters: HTTP forbids
    /// the former and the client refuses both, so such values return null without using the budget.
    /// </remarks>
    public Task<ScanHttpResponse?> SendValueAsync(string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (InsertionPoint.Kind is InsertionPointKind.Header or InsertionPointKind.Cookie && value.Any(c => (char.IsControl(c) && c != '\t') || c > '\u007e'))
        {
            return Task.FromResult<ScanHttpResponse?>(null);
        }

        return SendAsync(InsertionPoint.WithValue(value), cancellationToken);
    }

    /// <summary>
    /// True the first time <paramref name="key"/> is claimed in this scan (e.g. one CORS probe per page rather than per
    /// insertion point). Without a scan-wide claim store (unit tests), every claim succeeds.
    /// </summary>
    public bool TryClaimOnce(string key) => tryClaimOnce?.Invoke(key) ?? true;

    /// <summary>
    /// Records that <paramref name="payload"/>, marked with <paramref name="token"/>, was submitted through this insertion
    /// point, for the scan's second look at the crawled pages. Without a scan-wide ledger (unit tests) nothing is kept.
    /// </summary>
    public void Plant(string token, string payload) => planted?.Add(new PlantedPayload(token, payload, Request, InsertionPoint));

    public Evidence CreateEvidence(ScanHttpResponse response, string? proof) => client.CreateEvidence(response, proof);

    public ValueTask ReportAsync(Finding finding, CancellationToken cancellationToken) => reporter.ReportAsync(finding, cancellationToken);

    /// <summary>A random lower-case token that starts with a letter (usable as an identifier) for marking payloads.</summary>
    public static string NewToken() => "hrr" + RandomNumberGenerator.GetString(TokenAlphabet, 8);
}
