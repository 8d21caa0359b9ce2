using Harrier.Core.Findings;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks;

/// <summary>
/// What a <see cref="ISecondLookCheck"/> gets after the attack phase: the crawled GET pages (in crawl order), the
/// payloads planted during the attacks, and a send method bounded by a budget of ten times the per-insertion-point
/// budget (60/120/240/750 pages by strength).
/// </summary>
internal sealed class SecondLookContext(
    ScanHttpClient client,
    IReadOnlyList<ScanHttpRequest> pages,
    PlantedPayloads planted,
    AttackStrength strength,
    IFindingReporter reporter)
{
    private int _requestsUsed;

    public IReadOnlyList<ScanHttpRequest> Pages { get; } = pages;

    public PlantedPayloads Planted { get; } = planted;

    public int Budget { get; } = For(strength);

    public int RequestsUsed => Volatile.Read(ref _requestsUsed);

    public static int For(AttackStrength strength) => 10 * AttackBudget.For(strength);

    /// <summary>Fetches a page again; null when the budget is spent, the request was refused or failed.</summary>
    /// <remarks>Marked as an attack: the page now carries what the attacks stored, which passive checks must not judge.</remarks>
    public async Task<ScanHttpResponse?> SendAsync(ScanHttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Interlocked.Increment(ref _requestsUsed) > Budget)
        {
            Interlocked.Decrement(ref _requestsUsed);
            return null;
        }

        var result = await client.SendAsync(request with { IsAttack = true }, cancellationToken).ConfigureAwait(false);
        if (result.IsBlocked)
        {
            Interlocked.Decrement(ref _requestsUsed);
        }

        return result.Response;
    }

    public Evidence CreateEvidence(ScanHttpResponse response, string? proof) => client.CreateEvidence(response, proof);

    public ValueTask ReportAsync(Finding finding, CancellationToken cancellationToken) => reporter.ReportAsync(finding, cancellationToken);
}
