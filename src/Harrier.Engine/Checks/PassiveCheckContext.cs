using Harrier.Core.Findings;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks;

/// <summary>What a passive check gets for one response: the response, evidence creation, and scan-wide "report once" keys.</summary>
internal sealed class PassiveCheckContext(ScanHttpResponse response, ScanHttpClient client, Func<string, bool> tryClaimOnce)
{
    private readonly List<Finding> _findings = [];

    public ScanHttpResponse Response { get; } = response;

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>True the first time <paramref name="key"/> is claimed in this scan, e.g. one report per host.</summary>
    public bool TryClaimOnce(string key) => tryClaimOnce(key);

    public Evidence CreateEvidence(string? proof) => client.CreateEvidence(Response, proof);

    public void Report(Finding finding) => _findings.Add(finding);
}
